import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}/betalingen?van=MM/yyyy&tot=MM/yyyy`.
enum V1Payments {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let betalingen: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (betalingen, "betalingen") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let steun: String?
        let bedrag: String?
        let periode: String?
        let betaaldatum: String?
        let betaalcode: String?
        let betaalstatus: String?
        let automatisch: String?
        let betaaldAan: String?
        let betaaldVia: String?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [Payment] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Payment {
        let paymentDate = try BelgianNotation.optionalDate(item.betaaldatum, field: "\(field).betaaldatum")
        let status = RecordRules.status(
            code: try BelgianNotation.code(item.betaalcode, field: "\(field).betaalcode"),
            status: try BelgianNotation.code(item.betaalstatus, field: "\(field).betaalstatus"),
            automatic: try BelgianNotation.flag(
                item.automatisch, field: "\(field).automatisch",
                invalid: .malformedPaymentStatus),
            paymentDate: paymentDate)
        return Payment(
            label: try RecordRules.requiredText(item.steun, field: "\(field).steun"),
            amountCents: try BelgianNotation.cents(item.bedrag, field: "\(field).bedrag"),
            period: try BelgianNotation.period(item.periode, field: "\(field).periode"),
            paymentDate: paymentDate,
            paidTo: RecordRules.optionalText(item.betaaldAan),
            paidVia: RecordRules.optionalText(item.betaaldVia),
            status: status)
    }
}
