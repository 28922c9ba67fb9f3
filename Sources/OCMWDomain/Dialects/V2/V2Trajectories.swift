import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/trajectories`.
enum V2Trajectories {
    struct Body: CitizenResponse {
        let insz: String
        let trajectories: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (trajectories, "trajectories") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let code: String?
        let label: String?
        let since: String?
        let until: String?
        let contacts: [Contact]?

        var reportedINSZ: String? { insz }
    }

    struct Contact: Decodable {
        let name: String?
        let role: String?
        let phone: String?
        let email: String?
        let office: Office?
    }

    struct Office: Decodable {
        let name: String?
        let streetAndNumber: String?
        let postalCode: String?
        let municipality: String?
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [Trajectory] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Trajectory {
        var contacts: [ContactPerson] = []
        for (index, contact) in (item.contacts ?? []).enumerated() {
            contacts.append(try normalise(contact, field: "\(field).contacts[\(index)]"))
        }
        return try RecordRules.trajectory(
            code: RecordRules.optionalText(item.code),
            label: try RecordRules.requiredText(item.label, field: "\(field).label"),
            since: try ISONotation.date(item.since, field: "\(field).since"),
            until: try ISONotation.optionalDate(item.until, field: "\(field).until"),
            contacts: contacts, field: "\(field).until")
    }

    /// A contact person (also the debts' contact and a request's case worker: the same shape).
    static func normalise(_ contact: Contact, field: String) throws(NormalisationError) -> ContactPerson {
        ContactPerson(
            name: try RecordRules.requiredText(contact.name, field: "\(field).name"),
            role: RecordRules.optionalText(contact.role),
            phone: RecordRules.optionalText(contact.phone),
            email: RecordRules.optionalText(contact.email),
            office: try RecordRules.office(
                name: contact.office?.name, streetAndNumber: contact.office?.streetAndNumber,
                postalCode: contact.office?.postalCode,
                municipality: contact.office?.municipality, field: "\(field).office"))
    }
}
