import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Rights of the wireframe citizen")
struct WireframeRightsTests {
    static func decode(_ dialect: Dialect) throws -> [RightDecision] {
        try NewSocialDecoder.decodeRights(Wireframe.fixture(.rights, dialect), dialect: dialect, insz: Wireframe.insz())
    }

    @Test("Each dialect's decisions normalise to the wireframe's, exact to the cent", arguments: Dialect.allCases)
    func normalisesToWireframe(_ dialect: Dialect) throws {
        #expect(try Self.decode(dialect) == Wireframe.rightDecisions())
    }

    @Test("The v1 and v2 responses normalise to equal models")
    func dialectsAgree() throws {
        #expect(try Self.decode(.v1) == Self.decode(.v2))
    }

    @Test(
        "Only granted rights are shown: leefloon and aanvullende financiële hulp at 110 EUR a month",
        arguments: Dialect.allCases)
    func grantedOnly(_ dialect: Dialect) throws {
        let overview = RightsOverview(try Self.decode(dialect))
        #expect(overview.granted == (try Wireframe.grantedRights()))
        #expect(overview.granted.map(\.label) == ["Leefloon", "Aanvullende financiële hulp"])
        #expect(overview.granted.allSatisfy { $0.conditional })
        #expect(overview.unknownStatusCount == 0)
    }

    @Test(
        "An unknown decision status is kept with its code, counted, and never shown as granted",
        arguments: [
            (Dialect.v1, ["beslissing": WireBodies.text("GESCHORST")], "GESCHORST"),
            (Dialect.v2, ["decisionStatus": WireBodies.text("suspended")], "suspended"),
            (Dialect.v2, ["decisionStatus": WireBodies.text("Granted")], "Granted"),
            (Dialect.v1, ["beslissing": WireBodies.text("toegekend")], "toegekend"),
        ])
    func unknownStatus(_ dialect: Dialect, overrides: [String: String], raw: String) throws {
        let decisions = try NewSocialDecoder.decodeRights(
            WireBodies.rights(dialect, overrides), dialect: dialect,
            insz: Wireframe.insz())
        #expect(decisions.map(\.status) == [.unknown(raw)])
        #expect(decisions.first?.status.rawCode == raw)
        #expect(decisions.grantedRights.isEmpty)
        let overview = RightsOverview(decisions)
        #expect(overview.granted.isEmpty && overview.unknownStatusCount == 1)
        #expect(try sortedJSON(decisions[0]).contains(#""rawStatus":"\#(raw)","status":"unknown""#))
    }

    @Test(
        "An absent monthly amount, end or conditional flag reads the same in both dialects",
        arguments: [
            (Dialect.v1, ["maandbedrag": WireBodies.text(""), "tot": WireBodies.text(""), "voorwaardelijk": WireBodies.absent]),
            (Dialect.v2, ["monthlyAmountCents": "null", "until": WireBodies.absent, "conditional": WireBodies.absent]),
        ])
    func absentValues(_ dialect: Dialect, overrides: [String: String]) throws {
        let decision = try #require(
            try NewSocialDecoder.decodeRights(
                WireBodies.rights(dialect, overrides), dialect: dialect,
                insz: Wireframe.insz()
            ).first)
        #expect(decision.monthlyAmountCents == nil)
        #expect(decision.period == (try validity("2023-03-01")))
        #expect(!decision.conditional)
    }

    @Test("Granted rights encode with ISO dates, integer cents and the conditional flag")
    func encodesShape() throws {
        let json = try sortedJSON(RightsOverview(try Wireframe.rightDecisions()))
        #expect(
            json == #"{"granted":[{"code":"LL","conditional":true,"label":"Leefloon","#
                + #""period":{"end":"2024-02-29","start":"2023-03-01"}},"#
                + #"{"code":"AFH","conditional":true,"label":"Aanvullende financiële hulp","monthlyAmountCents":11000,"#
                + #""period":{"end":"2024-02-29","start":"2023-03-01"}}],"unknownStatusCount":0}"#)
    }

    @Test("Decisions survive an encode/decode round trip, unknown statuses included")
    func roundTrip() throws {
        let decisions =
            try Wireframe.rightDecisions() + [
                RightDecision(
                    label: "Huurwaarborg", code: "HW", period: try validity("2023-05-01"), monthlyAmountCents: nil,
                    conditional: false, status: .unknown("GESCHORST"))
            ]
        let decoded = try JSONDecoder().decode([RightDecision].self, from: JSONEncoder().encode(decisions))
        #expect(decoded == decisions)
    }
}
