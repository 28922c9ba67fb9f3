import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}`.
enum V2Dossiers {
    struct Body: CitizenResponse {
        let insz: String
        let dossiers: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (dossiers, "dossiers") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let capacity: String?
        let since: String?
        let until: String?

        var reportedINSZ: String? { insz }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> DossierSummary {
        try RecordRules.dossier(
            capacity: try RecordRules.requiredText(item.capacity, field: "\(field).capacity"),
            since: try ISONotation.date(item.since, field: "\(field).since"),
            until: try ISONotation.optionalDate(item.until, field: "\(field).until"),
            field: "\(field).until")
    }
}
