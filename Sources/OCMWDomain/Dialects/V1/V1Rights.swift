import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}/rechten`.
enum V1Rights {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let rechten: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (rechten, "rechten") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let code: String?
        let omschrijving: String?
        let beslissing: String?
        let vanaf: String?
        let tot: String?
        let maandbedrag: String?
        let voorwaardelijk: String?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [RightDecision] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> RightDecision {
        let since = try BelgianNotation.date(item.vanaf, field: "\(field).vanaf")
        let until = try BelgianNotation.optionalDate(item.tot, field: "\(field).tot")
        let monthly: Int? =
            RecordRules.optionalText(item.maandbedrag) == nil
            ? nil : try BelgianNotation.cents(item.maandbedrag, field: "\(field).maandbedrag")
        return RightDecision(
            label: try RecordRules.requiredText(item.omschrijving, field: "\(field).omschrijving"),
            code: try RecordRules.requiredText(item.code, field: "\(field).code"),
            period: try RecordRules.validity(start: since, end: until, field: "\(field).tot"),
            monthlyAmountCents: monthly,
            conditional: try BelgianNotation.flag(item.voorwaardelijk, field: "\(field).voorwaardelijk"),
            status: try StatusCodes.read(item.beslissing, table: V1Codes.decision, field: "\(field).beslissing"))
    }
}
