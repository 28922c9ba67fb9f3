import OCMWCore

/// Requests and certificates, as docs/newsocial-api.md writes them.
extension DialectBodies {
    /// v1's request status codes.
    private static let aanvraagStatus: [RequestState: String] = [
        .submitted: "INGEDIEND", .inProgress: "IN_BEHANDELING", .decided: "BESLIST", .closed: "AFGESLOTEN",
    ]

    static func requests(_ insz: String, _ requests: [HelpRequest], dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)),
                (
                    "requests",
                    .array(
                        requests.map { request in
                            .object([
                                ("dossierNumber", .string(request.dossierNumber)), ("kindCode", .string(request.kindCode)),
                                ("kindLabel", .string(request.kindLabel)), ("submittedDate", .string(request.submittedDate.iso8601)),
                                ("status", .string(request.status.rawValue)), ("decisionDate", .optional(request.decisionDate?.iso8601)),
                                ("decisionExpected", request.decisionExpected.map(JSONValue.bool) ?? .null),
                                ("caseWorker", request.caseWorker.map { contact($0, dialect: .v2) } ?? .null),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)),
                (
                    "aanvragen",
                    .array(
                        requests.map { request in
                            .object([
                                ("dossiernummer", .string(request.dossierNumber)), ("soortCode", .string(request.kindCode)),
                                ("soort", .string(request.kindLabel)), ("indieningsdatum", .string(request.submittedDate.belgian)),
                                ("status", .string(aanvraagStatus[request.status] ?? "")),
                                ("beslissingsdatum", .string(BelgianNotation.date(request.decisionDate))),
                                ("beslissingVerwacht", .string(request.decisionExpected.map { $0 ? "J" : "N" } ?? "")),
                                ("dossierbeheerder", request.caseWorker.map { contact($0, dialect: .v1) } ?? .null),
                            ])
                        })
                ),
            ])
        }
    }

    /// v2 only: v1 has no certificates API.
    static func certificates(_ insz: String, _ certificates: [Certificate]) -> JSONValue {
        .object([
            ("insz", .string(insz)),
            (
                "certificates",
                .array(
                    certificates.map { certificate in
                        .object([
                            ("id", .string(certificate.id)), ("typeCode", .string(certificate.typeCode)),
                            ("typeLabel", .string(certificate.typeLabel)), ("status", .string(certificate.status.rawValue)),
                            ("requestedDate", .string(certificate.requestedDate.iso8601)),
                            ("issuedDate", .optional(certificate.issuedDate?.iso8601)),
                        ])
                    })
            ),
        ])
    }
}
