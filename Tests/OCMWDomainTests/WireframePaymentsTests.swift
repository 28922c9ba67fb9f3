import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Payments of the wireframe citizen, August 2023")
struct WireframePaymentsTests {
    static func decode(_ dialect: Dialect) throws -> [Payment] {
        try NewSocialDecoder.decodePayments(Wireframe.fixture(.payments, dialect), dialect: dialect, insz: Wireframe.insz())
    }

    @Test("Each dialect's response normalises to the wireframe's payments, exact to the cent", arguments: Dialect.allCases)
    func normalisesToWireframe(_ dialect: Dialect) throws {
        #expect(try Self.decode(dialect) == Wireframe.payments())
    }

    @Test("The v1 and v2 responses normalise to equal models")
    func dialectsAgree() throws {
        #expect(try Self.decode(.v1) == Self.decode(.v2))
    }

    @Test("Grouped as 1 paid to you, 3 paid for you and 3 not paid", arguments: Dialect.allCases)
    func grouping(_ dialect: Dialect) throws {
        let overview = PaymentsOverview(try Self.decode(dialect))
        #expect(overview.paidToYou.map(\.label) == ["leefloon"])
        #expect(overview.paidToYou.map(\.amountCents) == [45_000])
        #expect(overview.paidForYou.map(\.paidTo) == ["OCMW Gent", "Engie", "AZ Jan Palfijn"])
        #expect(overview.paidForYou.map(\.amountCents) == [2_500, 13_025, 5_543])
        #expect(overview.notPaid.map(\.label) == ["leefloon", "aanvullende financiële hulp", "inhouding huishuur"])
        #expect(overview.notPaid.map(\.status) == [.inPayment, .notPaid, .notPaid])
        #expect(overview.notPaid.map(\.amountCents) == [33_956, 15_845, 58_986])
        #expect(overview.unknownStatus.isEmpty)
    }

    @Test("A payment in progress to a third party is not paid, not paid for you")
    func groupingFollowsStatusFirst() throws {
        let pending = Payment(
            label: "inhouding energiekosten", amountCents: 13_025, period: try period("2023-08-01"),
            paymentDate: nil, paidTo: "Engie", paidVia: nil, status: .inPayment)
        let overview = PaymentsOverview([pending])
        #expect(overview.paidForYou.isEmpty && overview.paidToYou.isEmpty)
        #expect(overview.notPaid == [pending])
    }

    @Test("Payments encode with the normalised status as a string")
    func encodesStatus() throws {
        let payment = try Wireframe.payments()[4]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(payment), as: UTF8.self)
        #expect(
            json == #"{"amountCents":33956,"label":"leefloon","paidVia":"aan kassa","#
                + #""period":{"end":"2023-08-31","start":"2023-08-19"},"status":"inPayment"}"#)
    }
}
