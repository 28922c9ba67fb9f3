import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Requests for help of the wireframe citizen")
struct WireframeRequestsTests {
    static func decode(_ dialect: Dialect) throws -> [HelpRequest] {
        try NewSocialDecoder.decodeRequests(Wireframe.fixture(.requests, dialect), dialect: dialect, insz: Wireframe.insz())
    }

    static let allSteps: [RequestStep] = [.submitted, .inProgress, .decided, .closed]
    static let withoutDecision: [RequestStep] = [.submitted, .inProgress, .closed]

    @Test("Each dialect's response normalises to the wireframe's requests", arguments: Dialect.allCases)
    func normalisesToWireframe(_ dialect: Dialect) throws {
        #expect(try Self.decode(dialect) == Wireframe.requests())
    }

    @Test("The v1 and v2 responses normalise to equal models")
    func dialectsAgree() throws {
        #expect(try Self.decode(.v1) == Self.decode(.v2))
    }

    @Test("Administrative help and budget guidance skip the decided step", arguments: Dialect.allCases)
    func skippedDecisionStep(_ dialect: Dialect) throws {
        let requests = try Self.decode(dialect)
        #expect(requests.map(\.kind.code) == ["AFH", "AH", "LL", "BB"])
        #expect(requests.map(\.steps) == [Self.allSteps, Self.withoutDecision, Self.allSteps, Self.withoutDecision])
        #expect(requests.map(\.currentStep) == [.inProgress, .inProgress, .decided, .closed])
        #expect(requests.map(\.dossierNumber) == ["2023/155", "2023/155", "2023/034", "2022/412"])
        #expect(requests[2].decisionDate == (try day("2023-02-22")))
    }

    @Test(
        "Without a flag the kind decides; a decision that exists is always shown",
        arguments: [
            (Dialect.v2, ["kindCode": WireBodies.text("BB"), "decisionExpected": WireBodies.absent], withoutDecision),
            (Dialect.v1, ["soortCode": WireBodies.text("BB"), "beslissingVerwacht": WireBodies.text("")], withoutDecision),
            (Dialect.v2, ["kindCode": WireBodies.text("LL"), "decisionExpected": "null"], allSteps),
            (Dialect.v1, ["soortCode": WireBodies.text("LL"), "beslissingVerwacht": WireBodies.absent], allSteps),
            (Dialect.v2, ["kindCode": WireBodies.text("LL"), "decisionExpected": "false"], withoutDecision),
            (Dialect.v1, ["soortCode": WireBodies.text("AH"), "beslissingVerwacht": WireBodies.text("J")], allSteps),
            (Dialect.v2, ["decisionDate": WireBodies.text("2023-10-02")], allSteps),
            (Dialect.v1, ["status": WireBodies.text("BESLIST")], allSteps),
        ])
    func stepsOfARequest(_ dialect: Dialect, overrides: [String: String], steps: [RequestStep]) throws {
        let requests = try NewSocialDecoder.decodeRequests(
            WireBodies.requests(dialect, overrides), dialect: dialect,
            insz: Wireframe.insz())
        #expect(requests.map(\.steps) == [steps])
    }

    @Test(
        "An unknown request status is kept with its code and has no current step",
        arguments: [
            (Dialect.v1, ["status": WireBodies.text("GEANNULEERD")], "GEANNULEERD"),
            (Dialect.v2, ["status": WireBodies.text("withdrawn")], "withdrawn"),
        ])
    func unknownStatus(_ dialect: Dialect, overrides: [String: String], raw: String) throws {
        let request = try #require(
            try NewSocialDecoder.decodeRequests(
                WireBodies.requests(dialect, overrides), dialect: dialect,
                insz: Wireframe.insz()
            ).first)
        #expect(request.status == .unknown(raw))
        #expect(request.currentStep == nil)
        #expect(request.steps == Self.withoutDecision)
        #expect(try sortedJSON(request).contains(#""rawStatus":"\#(raw)","status":"unknown""#))
    }

    @Test("Requests encode with their kind, status and steps")
    func encodesShape() throws {
        let requests = try Wireframe.requests()
        #expect(
            try sortedJSON(requests[1]) == #"{"dossierNumber":"2023\/155","kind":{"code":"AH","label":"Administratieve hulp"},"#
                + #""status":"inProgress","steps":["submitted","inProgress","closed"],"submittedDate":"2023-09-12"}"#)
        #expect(
            try sortedJSON(requests[2]) == #"{"decisionDate":"2023-02-22","dossierNumber":"2023\/034","#
                + #""kind":{"code":"LL","label":"Leefloon"},"status":"decided","steps":["submitted","inProgress","decided","closed"],"#
                + #""submittedDate":"2023-02-06"}"#)
        let unknown = HelpRequest(
            dossierNumber: "2023/155", kind: CodeLabel(code: "AH", label: "Administratieve hulp"),
            submittedDate: try day("2023-09-12"), status: .unknown("GEANNULEERD"), decisionDate: nil,
            getsDecision: false)
        let decoded = try JSONDecoder().decode([HelpRequest].self, from: JSONEncoder().encode(requests + [unknown]))
        #expect(decoded == requests + [unknown])
    }

    @Test("Our JSON with steps in another order is rejected")
    func forgedSteps() {
        let forged =
            #"{"dossierNumber": "1", "kind": {"code": "AH", "label": "x"}, "submittedDate": "2023-09-12", "#
            + #""status": "closed", "steps": ["closed", "submitted"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HelpRequest.self, from: Data(forged.utf8)) }
    }
}
