import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/requests`.
enum V2Requests {
    struct Body: CitizenResponse {
        let insz: String
        let requests: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (requests, "requests") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let dossierNumber: String?
        let kindCode: String?
        let kindLabel: String?
        let submittedDate: String?
        let status: String?
        let decisionDate: String?
        let decisionExpected: Bool?
        /// Absent or `null` when the OCMW names none (yet).
        let caseWorker: V2Trajectories.Contact?

        var reportedINSZ: String? { insz }
    }

    private static let statuses = StatusCodes.byName(RequestStatus.self)

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [HelpRequest] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> HelpRequest {
        RecordRules.request(
            dossierNumber: try RecordRules.requiredText(item.dossierNumber, field: "\(field).dossierNumber"),
            kind: CodeLabel(
                code: try RecordRules.requiredText(item.kindCode, field: "\(field).kindCode"),
                label: try RecordRules.requiredText(item.kindLabel, field: "\(field).kindLabel")),
            submittedDate: try ISONotation.date(item.submittedDate, field: "\(field).submittedDate"),
            status: try StatusCodes.read(item.status, table: statuses, field: "\(field).status"),
            decisionDate: try ISONotation.optionalDate(item.decisionDate, field: "\(field).decisionDate"),
            decisionExpected: item.decisionExpected,
            caseWorker: try item.caseWorker.map { contact throws(NormalisationError) in
                try V2Trajectories.normalise(contact, field: "\(field).caseWorker")
            })
    }
}
