import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Debts of the wireframe citizen")
struct WireframeDebtsTests {
    static func decode(_ dialect: Dialect) throws -> DebtOverview {
        try NewSocialDecoder.decodeDebts(Wireframe.fixture(.debts, dialect), dialect: dialect, insz: Wireframe.insz())
    }

    @Test("Each dialect's response normalises to the wireframe's debts, exact to the cent", arguments: Dialect.allCases)
    func normalisesToWireframe(_ dialect: Dialect) throws {
        #expect(try Self.decode(dialect) == Wireframe.debts())
    }

    @Test("The v1 and v2 responses normalise to equal models")
    func dialectsAgree() throws {
        #expect(try Self.decode(.v1) == Self.decode(.v2))
    }

    @Test("Totals cover the open debts only: 2971,96 EUR original, 2721,96 EUR outstanding", arguments: Dialect.allCases)
    func totalsOverOpenDebts(_ dialect: Dialect) throws {
        let overview = try Self.decode(dialect)
        #expect(overview.totals == DebtTotals(originalCents: 297_196, outstandingCents: 272_196))
        let paidOff = try #require(overview.items.first { $0.description == "Speelpleinwerking" })
        #expect(paidOff.paidOff && !paidOff.isOpen && paidOff.originalCents == 6_200)
    }

    @Test("A citizen sees 6 open debts by default and 7 with paid-off ones, the totals unchanged", arguments: Dialect.allCases)
    func paidOffHiddenUnlessAsked(_ dialect: Dialect) throws {
        let overview = try Self.decode(dialect)
        let shown = overview.shownToCitizen()
        let withPaid = overview.shownToCitizen(includePaid: true)
        #expect(shown.items.count == 6)
        #expect(!shown.items.contains { $0.description == "Speelpleinwerking" })
        #expect(withPaid.items.count == 7)
        #expect(shown.totals == withPaid.totals)
        #expect(withPaid.totals == DebtTotals(originalCents: 297_196, outstandingCents: 272_196))
        #expect(shown.reference == "568974")
    }

    @Test("A single-day period and a missing decision come out as nil in both dialects", arguments: Dialect.allCases)
    func absentValuesAreNil(_ dialect: Dialect) throws {
        let items = try Self.decode(dialect).items
        #expect(items[0].period.end == nil)
        #expect(items[0].decision == Decision(date: try day("2023-08-15"), point: "223"))
        #expect(items[2].decision == nil)
        #expect(items[5].period.end == (try day("2023-09-30")))
    }

    @Test(
        "An empty reference is absent in both dialects",
        arguments: [
            (Dialect.v1, #"{"rijksregisternummer": "85073003328", "referentie": "", "schulden": []}"#),
            (Dialect.v2, #"{"insz": "85073003328", "reference": null, "debts": []}"#),
        ])
    func emptyReferenceIsAbsent(_ dialect: Dialect, body: String) throws {
        let overview = try NewSocialDecoder.decodeDebts(Data(body.utf8), dialect: dialect, insz: Wireframe.insz())
        #expect(overview.reference == nil)
        #expect(overview.items.isEmpty)
        #expect(overview.totals == DebtTotals(originalCents: 0, outstandingCents: 0))
    }

    @Test("Bytes as [UInt8] decode to the same model as Data")
    func bytesAndDataAgree() throws {
        let data = try Wireframe.fixture(.debts, .v1)
        let fromBytes = try NewSocialDecoder.decodeDebts(Array(data), dialect: .v1, insz: Wireframe.insz())
        #expect(fromBytes == (try Self.decode(.v1)))
    }
}

@Suite("Debt model as JSON for our API")
struct DebtJSONTests {
    @Test("A debt encodes with ISO dates, integer cents and the paid-off flag")
    func encodesShape() throws {
        let overview = DebtOverview(
            reference: "568974",
            items: [
                Debt(
                    description: "Leefloon", period: try period("2022-08-01", "2023-09-30"),
                    decision: Decision(date: try day("2022-10-08"), point: "122"), originalCents: 100_000, outstandingCents: 75_000),
                Debt(description: "Karwei", period: try period("2023-04-20"), decision: nil, originalCents: 7_196, outstandingCents: 0),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(overview), as: UTF8.self)
        #expect(
            json == #"{"items":[{"decision":{"date":"2022-10-08","point":"122"},"description":"Leefloon","#
                + #""originalCents":100000,"outstandingCents":75000,"paidOff":false,"period":{"end":"2023-09-30","start":"2022-08-01"}},"#
                + #"{"description":"Karwei","originalCents":7196,"outstandingCents":0,"paidOff":true,"period":{"start":"2023-04-20"}}],"#
                + #""reference":"568974","totals":{"originalCents":100000,"outstandingCents":75000}}"#)
    }

    @Test("Decoding our JSON recomputes totals and paid-off flags instead of trusting them")
    func decodingRecomputesDerivedValues() throws {
        let forged =
            #"{"reference": null, "totals": {"originalCents": 1, "outstandingCents": 1}, "items": ["#
            + #"{"description": "Karwei", "period": {"start": "2023-04-20"}, "originalCents": 7196, "outstandingCents": 7196, "paidOff": true}]}"#
        let overview = try JSONDecoder().decode(DebtOverview.self, from: Data(forged.utf8))
        #expect(overview.totals == DebtTotals(originalCents: 7_196, outstandingCents: 7_196))
        #expect(overview.items.first?.paidOff == false)
    }

    @Test("The wireframe overview survives an encode/decode round trip")
    func roundTrip() throws {
        let overview = try Wireframe.debts()
        let decoded = try JSONDecoder().decode(DebtOverview.self, from: JSONEncoder().encode(overview))
        #expect(decoded == overview)
    }
}
