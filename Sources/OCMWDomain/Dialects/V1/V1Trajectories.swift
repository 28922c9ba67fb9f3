import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}/trajecten`.
enum V1Trajectories {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let trajecten: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (trajecten, "trajecten") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let code: String?
        let omschrijving: String?
        let vanaf: String?
        let tot: String?
        let contactpersonen: [Contact]?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    /// v1 writes the office flat, in the contact person's record.
    struct Contact: Decodable {
        let naam: String?
        let functie: String?
        let telefoon: String?
        let email: String?
        let kantoor: String?
        let straatEnNummer: String?
        let postcode: String?
        let gemeente: String?
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [Trajectory] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Trajectory {
        var contacts: [ContactPerson] = []
        for (index, contact) in (item.contactpersonen ?? []).enumerated() {
            contacts.append(try normalise(contact, field: "\(field).contactpersonen[\(index)]"))
        }
        return try RecordRules.trajectory(
            code: RecordRules.optionalText(item.code),
            label: try RecordRules.requiredText(item.omschrijving, field: "\(field).omschrijving"),
            since: try BelgianNotation.date(item.vanaf, field: "\(field).vanaf"),
            until: try BelgianNotation.optionalDate(item.tot, field: "\(field).tot"),
            contacts: contacts, field: "\(field).tot")
    }

    /// A contact person (also the debts' contact and a request's `dossierbeheerder`: the same shape).
    static func normalise(_ contact: Contact, field: String) throws(NormalisationError) -> ContactPerson {
        ContactPerson(
            name: try RecordRules.requiredText(contact.naam, field: "\(field).naam"),
            role: RecordRules.optionalText(contact.functie),
            phone: RecordRules.optionalText(contact.telefoon),
            email: RecordRules.optionalText(contact.email),
            office: try RecordRules.office(
                name: contact.kantoor, streetAndNumber: contact.straatEnNummer,
                postalCode: contact.postcode, municipality: contact.gemeente, field: field))
    }
}
