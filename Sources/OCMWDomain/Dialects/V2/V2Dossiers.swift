import struct Foundation.Data
import OCMWCore

/// v2 `GET /api/v2/citizens/{insz}`.
enum V2Dossiers {
    struct Body: Decodable {
        let insz: String
        let dossiers: [Item]
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let capacity: String?
        let since: String?
        let until: String?

        var reportedINSZ: String? { insz }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        let body = try WireDecoding.decode(Body.self, from: data)
        try RecordRules.requireSameCitizen(body: body.insz, field: "insz",
                                           records: body.dossiers, recordsField: "dossiers", as: insz)
        var summaries: [DossierSummary] = []
        for (index, item) in body.dossiers.enumerated() {
            let field = "dossiers[\(index)]"
            summaries.append(try RecordRules.dossier(
                capacity: try RecordRules.requiredText(item.capacity, field: "\(field).capacity"),
                since: try ISONotation.date(item.since, field: "\(field).since"),
                until: try ISONotation.optionalDate(item.until, field: "\(field).until"),
                field: "\(field).until"))
        }
        return summaries
    }
}
