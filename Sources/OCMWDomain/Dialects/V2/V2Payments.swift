import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/payments?from=yyyy-MM&to=yyyy-MM`.
enum V2Payments {
    struct Body: CitizenResponse {
        let insz: String
        let payments: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (payments, "payments") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let label: String?
        let amountCents: WireInteger?
        let periodStart: String?
        let periodEnd: String?
        let paymentDate: String?
        let statusCode: WireInteger?
        let status: WireInteger?
        let automatic: Bool?
        let paidTo: String?
        let paidVia: String?

        var reportedINSZ: String? { insz }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [Payment] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Payment {
        let start = try ISONotation.date(item.periodStart, field: "\(field).periodStart")
        let end = try ISONotation.optionalDate(item.periodEnd, field: "\(field).periodEnd")
        let paymentDate = try ISONotation.optionalDate(item.paymentDate, field: "\(field).paymentDate")
        let status = RecordRules.status(
            code: item.statusCode?.value, status: item.status?.value,
            automatic: item.automatic ?? false, paymentDate: paymentDate)
        return Payment(
            label: try RecordRules.requiredText(item.label, field: "\(field).label"),
            amountCents: try V2Amount.cents(item.amountCents?.value, field: "\(field).amountCents"),
            period: try RecordRules.period(start: start, end: end, field: "\(field).periodEnd"),
            paymentDate: paymentDate,
            paidTo: RecordRules.optionalText(item.paidTo),
            paidVia: RecordRules.optionalText(item.paidVia),
            status: status)
    }
}
