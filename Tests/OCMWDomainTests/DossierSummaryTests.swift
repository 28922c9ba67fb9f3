import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Does this OCMW know the citizen?")
struct DossierSummaryTests {
    @Test("Each dialect's answer normalises to the same dossiers", arguments: Dialect.allCases)
    func normalises(_ dialect: Dialect) throws {
        let dossiers = try NewSocialDecoder.decodeDossiers(
            Wireframe.fixture(.dossiers, dialect), dialect: dialect,
            insz: Wireframe.insz())
        let expected = [
            try #require(DossierSummary(capacity: "LL", since: try day("2022-08-01"), until: nil)),
            try #require(DossierSummary(capacity: "BB", since: try day("2021-03-01"), until: try day("2021-12-31"))),
        ]
        #expect(dossiers == expected)
    }

    @Test("A dossier runs from its first to its last day; without an end it keeps running")
    func running() throws {
        let closed = try #require(DossierSummary(capacity: "BB", since: try day("2021-03-01"), until: try day("2021-12-31")))
        let open = try #require(DossierSummary(capacity: "LL", since: try day("2022-08-01"), until: nil))
        #expect(!closed.isRunning(on: try day("2021-02-28")))
        #expect(closed.isRunning(on: try day("2021-03-01")))
        #expect(closed.isRunning(on: try day("2021-12-31")))
        #expect(!closed.isRunning(on: try day("2022-01-01")))
        #expect(!open.isRunning(on: try day("2022-07-31")))
        #expect(open.isRunning(on: try day("2099-12-31")))
    }

    @Test("A dossier cannot end before it starts")
    func endBeforeStart() throws {
        #expect(DossierSummary(capacity: "LL", since: try day("2022-08-01"), until: try day("2022-07-31")) == nil)
        let json = Data(#"{"capacity": "LL", "since": "2022-08-01", "until": "2022-07-31"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DossierSummary.self, from: json) }
    }

    @Test(
        "An OCMW that knows the citizen without a running dossier answers with an empty list",
        arguments: [
            (Dialect.v1, #"{"rijksregisternummer": "85073003328", "dossiers": []}"#),
            (Dialect.v2, #"{"insz": "85073003328", "dossiers": []}"#),
        ])
    func emptyList(_ dialect: Dialect, body: String) throws {
        #expect(try NewSocialDecoder.decodeDossiers(Data(body.utf8), dialect: dialect, insz: Wireframe.insz()).isEmpty)
    }
}
