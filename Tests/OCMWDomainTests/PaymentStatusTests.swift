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
        let expected: PaymentStatus?
        var testDescription: String {
            "code \(code.map(String.init) ?? "-") status \(status.map(String.init) ?? "-") "
                + "\(automatic ? "automatic" : "manual") \(hasPaymentDate ? "dated" : "undated") → \(expected.map(\.rawValue) ?? "unknown")"
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
        // Outside the table: not guessed at.
        Row(code: 4, status: nil, automatic: false, hasPaymentDate: true, expected: nil),
        Row(code: nil, status: nil, automatic: false, hasPaymentDate: true, expected: nil),
        Row(code: 3, status: 7, automatic: false, hasPaymentDate: true, expected: nil),
        Row(code: 0, status: nil, automatic: true, hasPaymentDate: false, expected: nil),
    ]

    @Test("Each combination of codes maps to the documented status", arguments: rows)
    func mapping(_ row: Row) {
        #expect(PaymentStatus(newSocialCode: row.code, status: row.status, automatic: row.automatic,
                              hasPaymentDate: row.hasPaymentDate) == row.expected)
    }

    @Test("An unknown status code in a response is an error, not a guess", arguments: [
        (Dialect.v1, ["betaalcode": WireBodies.text("4")]),
        (Dialect.v2, ["statusCode": "4"]),
        (Dialect.v2, ["statusCode": "null"]),
    ])
    func unknownCodeIsRejected(_ dialect: Dialect, overrides: [String: String]) throws {
        let body = WireBodies.payments(dialect, overrides)
        let error = #expect(throws: NormalisationError.self) {
            try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: Wireframe.insz())
        }
        #expect(error?.reason == "unknownPaymentStatus")
    }

    @Test("v1 absent status fields (\"\" or missing key) read like v2 nulls", arguments: [
        ["betaalstatus": WireBodies.absent, "automatisch": WireBodies.absent, "betaaldAan": WireBodies.absent],
        ["betaalstatus": WireBodies.text(""), "automatisch": WireBodies.text(""), "betaaldAan": WireBodies.text("")],
    ])
    func v1AbsentStatusFields(_ overrides: [String: String]) throws {
        let payments = try NewSocialDecoder.decodePayments(WireBodies.payments(.v1, overrides), dialect: .v1,
                                                           insz: Wireframe.insz())
        #expect(payments.map(\.status) == [.paid])
        #expect(payments.first?.paidTo == nil)
    }
}
