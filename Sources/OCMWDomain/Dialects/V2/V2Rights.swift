import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/rights`.
enum V2Rights {
    struct Body: CitizenResponse {
        let insz: String
        let rights: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (rights, "rights") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let code: String?
        let label: String?
        let decisionStatus: String?
        let since: String?
        let until: String?
        let monthlyAmountCents: WireInteger?
        let conditional: Bool?

        var reportedINSZ: String? { insz }
    }

    private static let statuses = StatusCodes.byName(DecisionStatus.self)

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [RightDecision] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> RightDecision {
        let since = try ISONotation.date(item.since, field: "\(field).since")
        let until = try ISONotation.optionalDate(item.until, field: "\(field).until")
        var monthly: Int?
        if let amount = item.monthlyAmountCents {
            monthly = try RecordRules.amount(amount.value, field: "\(field).monthlyAmountCents")
        }
        return RightDecision(
            label: try RecordRules.requiredText(item.label, field: "\(field).label"),
            code: try RecordRules.requiredText(item.code, field: "\(field).code"),
            period: try RecordRules.validity(start: since, end: until, field: "\(field).until"),
            monthlyAmountCents: monthly,
            conditional: item.conditional ?? false,
            status: try StatusCodes.read(item.decisionStatus, table: statuses, field: "\(field).decisionStatus"))
    }
}
