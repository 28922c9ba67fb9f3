import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}`.
enum V1Dossiers {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let dossiers: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (dossiers, "dossiers") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let hoedanigheid: String?
        let vanaf: String?
        let tot: String?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> DossierSummary {
        try RecordRules.dossier(
            capacity: try RecordRules.requiredText(item.hoedanigheid, field: "\(field).hoedanigheid"),
            since: try BelgianNotation.date(item.vanaf, field: "\(field).vanaf"),
            until: try BelgianNotation.optionalDate(item.tot, field: "\(field).tot"),
            field: "\(field).tot")
    }
}
