import OCMWCore

/// A response before it meets the wire: status code, content type and body.
struct WireResponse: Sendable, Equatable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    /// Set instead of `body` for a document generated as it is sent.
    var generated: GeneratedBody? = nil

    static func json(_ status: Int, _ value: JSONValue) -> WireResponse {
        WireResponse(status: status, contentType: "application/json", body: Array(value.serialized.utf8))
    }

    static func pdf(_ bytes: [UInt8]) -> WireResponse {
        WireResponse(status: 200, contentType: "application/pdf", body: bytes)
    }

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Answers New Social API requests for one tenant from its slice of the dataset. Pure: no I/O.
struct Responder: Sendable {
    let tenant: TenantID
    let dialect: Dialect
    /// The OCMW's name as printed on its certificates.
    let ocmwName: String
    /// This tenant's records, by the citizen's 11 digits.
    let records: [String: OCMWRecord]

    init(tenant: TenantID, dialect: Dialect, dataset: Dataset) {
        self.tenant = tenant
        self.dialect = dialect
        self.ocmwName = "OCMW " + tenant.rawValue.prefix(1).uppercased() + tenant.rawValue.dropFirst()
        var records: [String: OCMWRecord] = [:]
        for citizen in dataset.citizens {
            if let record = citizen.record(at: tenant) { records[citizen.insz] = record }
        }
        self.records = records
    }

    /// Routes and answers one request.
    /// - Parameters:
    ///   - method: The HTTP method; only `GET` is served.
    ///   - uri: Path and query as received.
    ///   - currentYear: Today's year, for INSZ validation.
    ///   - submitted: What accepted submissions added for a citizen (by 11 digits); a citizen
    ///     known only from submissions is served with those and otherwise empty parts.
    ///   - documentBytes: Above a certificate PDF's own size, the size its documents are padded to.
    ///   - today: The installation's date, which places planned payments; `nil` serves none.
    func respond(
        method: String, uri: String, currentYear: Int,
        submitted: (String) -> SubmittedParts = { _ in .none }, documentBytes: Int = 0, today: DayDate? = nil
    ) -> WireResponse {
        let (path, query) = Self.split(uri)
        guard let resource = Resource(path: path, dialect: dialect) else { return .json(404, DialectBodies.error("not found")) }
        guard method == "GET" else { return .json(405, DialectBodies.error("method not allowed")) }
        let digits = resource.insz
        guard digits.utf8.count == 11, digits.utf8.allSatisfy({ (48...57).contains($0) }),
            (try? INSZ(parsing: digits, currentYear: currentYear)) != nil
        else {
            return .json(400, DialectBodies.error("invalid insz"))
        }
        let insz = String(digits)
        let added = submitted(insz)
        guard var record = records[insz] ?? (added.isEmpty ? nil : Self.emptyRecord(tenant)) else {
            return .json(404, DialectBodies.error("unknown citizen"))
        }
        record.requests += added.requests
        record.certificates += added.certificates
        switch resource.part {
        case .citizen: return .json(200, DialectBodies.citizen(insz, record, dialect: dialect))
        case .debts: return .json(200, DialectBodies.debts(insz, record, dialect: dialect))
        case .payments:
            guard let range = monthRange(query) else { return .json(400, DialectBodies.error("invalid month range")) }
            let planned = today.map { today in record.plannedPayments.compactMap { $0.payment(today: today) } } ?? []
            let payments = (record.payments + planned).filter { range.contains($0.periodStart.calendarMonth) }
            return .json(200, DialectBodies.payments(insz, payments, dialect: dialect))
        case .rights: return .json(200, DialectBodies.rights(insz, record.rights, dialect: dialect))
        case .trajectories: return .json(200, DialectBodies.trajectories(insz, record.trajectories, dialect: dialect))
        case .requests: return .json(200, DialectBodies.requests(insz, record.requests, dialect: dialect))
        case .certificates: return .json(200, DialectBodies.certificates(insz, record.certificates))
        case .certificateDocument(let id):
            guard let certificate = record.certificate(id: id) else {
                return .json(404, DialectBodies.error("unknown certificate"))
            }
            guard certificate.status == .available, let issued = certificate.issuedDate else {
                return .json(404, DialectBodies.error("certificate not available"))
            }
            guard documentBytes > 0 else { return .pdf(CertificatePDF.document(certificate, issued: issued, ocmwName: ocmwName)) }
            return WireResponse(
                status: 200, contentType: "application/pdf", body: [],
                generated: CertificatePDF.large(
                    certificate, issued: issued, ocmwName: ocmwName, totalBytes: documentBytes))
        }
    }

    /// The record of a citizen this OCMW knows only from their submissions.
    private static func emptyRecord(_ tenant: TenantID) -> OCMWRecord {
        OCMWRecord(tenant: tenant, reference: "", dossiers: [], debts: [], payments: [])
    }
}
