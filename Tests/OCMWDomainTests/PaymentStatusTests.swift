import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("New Social payment status codes")
struct PaymentStatusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let code: Int?
        let status: Int?
        let automatic: Bool
        let hasPaymentDate: Bool
        let expected: PaymentStatus
        var testDescription: String {
            "code \(code.map(String.init) ?? "-") status \(status.map(String.init) ?? "-") "
                + "\(automatic ? "automatic" : "manual") \(hasPaymentDate ? "dated" : "undated") → \(expected.name)"
        }
    }

    /// The table of docs/newsocial-api.md, "Payment status codes", plus what lies outside it.
    static let rows: [Row] = [
        Row(code: 3, status: nil, automatic: false, hasPaymentDate: true, expected: .paid),
        Row(code: 3, status: nil, automatic: true, hasPaymentDate: true, expected: .inPayment),
        Row(code: 3, status: nil, automatic: true, hasPaymentDate: false, expected: .inPayment),
        Row(code: 3, status: nil, automatic: false, hasPaymentDate: false, expected: .inPayment),
        Row(code: 2999, status: nil, automatic: false, hasPaymentDate: false, expected: .notPaid),
        Row(code: 2999, status: nil, automatic: false, hasPaymentDate: true, expected: .notPaid),
        Row(code: 3, status: 1, automatic: false, hasPaymentDate: false, expected: .notPaid),
        Row(code: 3, status: 2, automatic: false, hasPaymentDate: false, expected: .notPaid),
        // A blocked payment is never shown as paid, even with a date.
        Row(code: 3, status: 1, automatic: false, hasPaymentDate: true, expected: .notPaid),
        Row(code: nil, status: 2, automatic: false, hasPaymentDate: false, expected: .notPaid),
        // Outside the table: not guessed at, kept with the codes.
        Row(code: 4, status: nil, automatic: false, hasPaymentDate: true, expected: .unknown("statusCode=4;status=;automatic=false")),
        Row(code: nil, status: nil, automatic: false, hasPaymentDate: true, expected: .unknown("statusCode=;status=;automatic=false")),
        Row(code: 3, status: 7, automatic: false, hasPaymentDate: true, expected: .unknown("statusCode=3;status=7;automatic=false")),
        Row(code: 0, status: nil, automatic: true, hasPaymentDate: false, expected: .unknown("statusCode=0;status=;automatic=true")),
    ]

    @Test("Each combination of codes maps to the documented status", arguments: rows)
    func mapping(_ row: Row) {
        #expect(
            PaymentStatus(
                newSocialCode: row.code, status: row.status, automatic: row.automatic,
                hasPaymentDate: row.hasPaymentDate) == row.expected)
    }

    @Test(
        "An unknown status code in a response is kept as unknown with its codes, not guessed at or dropped",
        arguments: [
            (Dialect.v1, ["betaalcode": WireBodies.text("4")], "statusCode=4;status=;automatic=false"),
            (Dialect.v2, ["statusCode": "4"], "statusCode=4;status=;automatic=false"),
            (Dialect.v2, ["statusCode": "null"], "statusCode=;status=;automatic=false"),
            (
                Dialect.v1,
                ["betaalcode": WireBodies.text("3"), "betaalstatus": WireBodies.text("7"), "automatisch": WireBodies.text("J")],
                "statusCode=3;status=7;automatic=true"
            ),
            (Dialect.v2, ["statusCode": "3", "status": "7", "automatic": "true"], "statusCode=3;status=7;automatic=true"),
        ])
    func unknownCodeIsKept(_ dialect: Dialect, overrides: [String: String], raw: String) throws {
        let payments = try NewSocialDecoder.decodePayments(
            WireBodies.payments(dialect, overrides), dialect: dialect,
            insz: Wireframe.insz())
        #expect(payments.map(\.status) == [.unknown(raw)])
        let overview = PaymentsOverview(payments)
        #expect(overview.unknownStatus == payments)
        #expect(overview.paidToYou.isEmpty && overview.paidForYou.isEmpty && overview.notPaid.isEmpty)
        #expect(try sortedJSON(payments[0]).contains(#""rawStatus":"\#(raw)","status":"unknown""#))
    }

    @Test("A payment with an unknown status survives an encode/decode round trip")
    func unknownRoundTrip() throws {
        let payment = Payment(
            label: "leefloon", amountCents: 45_000, period: try period("2023-08-01"), paymentDate: nil,
            paidTo: nil, paidVia: nil, status: .unknown("statusCode=4;status=;automatic=false"))
        #expect(try JSONDecoder().decode(Payment.self, from: JSONEncoder().encode(payment)) == payment)
        let unknownName = Data(#"{"label": "x", "amountCents": 1, "period": {"start": "2023-08-01"}, "status": "lost"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Payment.self, from: unknownName) }
    }

    @Test(
        "v1 absent status fields (\"\" or missing key) read like v2 nulls",
        arguments: [
            ["betaalstatus": WireBodies.absent, "automatisch": WireBodies.absent, "betaaldAan": WireBodies.absent],
            ["betaalstatus": WireBodies.text(""), "automatisch": WireBodies.text(""), "betaaldAan": WireBodies.text("")],
        ])
    func v1AbsentStatusFields(_ overrides: [String: String]) throws {
        let payments = try NewSocialDecoder.decodePayments(
            WireBodies.payments(.v1, overrides), dialect: .v1,
            insz: Wireframe.insz())
        #expect(payments.map(\.status) == [.paid])
        #expect(payments.first?.paidTo == nil)
    }
}
