import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/debts`.
enum V2Debts {
    struct Body: CitizenResponse {
        let insz: String
        let reference: String?
        /// Whom to contact about the debts; absent or `null` when the OCMW names no one.
        let contact: V2Trajectories.Contact?
        let debts: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (debts, "debts") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let description: String?
        let periodStart: String?
        let periodEnd: String?
        let decisionDate: String?
        let decisionPoint: String?
        let originalCents: WireInteger?
        let outstandingCents: WireInteger?

        var reportedINSZ: String? { insz }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> DebtOverview {
        let (body, items) = try Body.normalise(data, about: insz, each: normalise(_:field:))
        let contact = try body.contact.map { contact throws(NormalisationError) in
            try V2Trajectories.normalise(contact, field: "contact")
        }
        return DebtOverview(reference: RecordRules.optionalText(body.reference), items: items, contact: contact)
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Debt {
        let start = try ISONotation.date(item.periodStart, field: "\(field).periodStart")
        let end = try ISONotation.optionalDate(item.periodEnd, field: "\(field).periodEnd")
        let decisionDate = try ISONotation.optionalDate(item.decisionDate, field: "\(field).decisionDate")
        return try RecordRules.debt(
            description: try RecordRules.requiredText(item.description, field: "\(field).description"),
            period: try RecordRules.period(start: start, end: end, field: "\(field).periodEnd"),
            decision: try RecordRules.decision(date: decisionDate, point: item.decisionPoint, field: "\(field).decisionPoint"),
            originalCents: try V2Amount.cents(item.originalCents?.value, field: "\(field).originalCents"),
            outstandingCents: try V2Amount.cents(item.outstandingCents?.value, field: "\(field).outstandingCents"),
            field: "\(field).outstandingCents")
    }
}

/// v2 amounts are integer cents; `null` or a missing key for a required amount is an error.
enum V2Amount {
    static func cents(_ value: Int?, field: @autoclosure () -> String) throws(NormalisationError) -> Int {
        guard let value else { throw NormalisationError(.missingValue, field: field()) }
        return try RecordRules.amount(value, field: field())
    }
}
