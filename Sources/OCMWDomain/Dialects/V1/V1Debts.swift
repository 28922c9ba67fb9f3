import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}/schulden`.
enum V1Debts {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let referentie: String?
        /// Whom to contact about the debts; absent or `null` when the OCMW names no one.
        let contactpersoon: V1Trajectories.Contact?
        let schulden: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (schulden, "schulden") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let omschrijving: String?
        let periode: String?
        let beslissingsdatum: String?
        let agendapunt: String?
        let oorspronkelijkBedrag: String?
        let openstaandSaldo: String?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> DebtOverview {
        let (body, items) = try Body.normalise(data, about: insz, each: normalise(_:field:))
        let contact = try body.contactpersoon.map { contact throws(NormalisationError) in
            try V1Trajectories.normalise(contact, field: "contactpersoon")
        }
        return DebtOverview(reference: RecordRules.optionalText(body.referentie), items: items, contact: contact)
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Debt {
        let decisionDate = try BelgianNotation.optionalDate(item.beslissingsdatum, field: "\(field).beslissingsdatum")
        return try RecordRules.debt(
            description: try RecordRules.requiredText(item.omschrijving, field: "\(field).omschrijving"),
            period: try BelgianNotation.period(item.periode, field: "\(field).periode"),
            decision: try RecordRules.decision(date: decisionDate, point: item.agendapunt, field: "\(field).agendapunt"),
            originalCents: try BelgianNotation.cents(item.oorspronkelijkBedrag, field: "\(field).oorspronkelijkBedrag"),
            outstandingCents: try BelgianNotation.cents(item.openstaandSaldo, field: "\(field).openstaandSaldo"),
            field: "\(field).openstaandSaldo")
    }
}
