import struct Foundation.Data
import OCMWCore

/// v1 `GET /nsapi/v1/dossiers/{insz}`.
enum V1Dossiers {
    struct Body: Decodable {
        let rijksregisternummer: String
        let dossiers: [Item]
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let hoedanigheid: String?
        let vanaf: String?
        let tot: String?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        let body = try WireDecoding.decode(Body.self, from: data)
        try RecordRules.requireSameCitizen(body: body.rijksregisternummer, field: "rijksregisternummer",
                                           records: body.dossiers, recordsField: "dossiers", as: insz)
        var summaries: [DossierSummary] = []
        for (index, item) in body.dossiers.enumerated() {
            let field = "dossiers[\(index)]"
            summaries.append(try RecordRules.dossier(
                capacity: try RecordRules.requiredText(item.hoedanigheid, field: "\(field).hoedanigheid"),
                since: try BelgianNotation.date(item.vanaf, field: "\(field).vanaf"),
                until: try BelgianNotation.optionalDate(item.tot, field: "\(field).tot"),
                field: "\(field).tot"))
        }
        return summaries
    }
}
