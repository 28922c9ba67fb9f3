import CurlClient
import Foundation
import Logging
import Testing

@testable import LoadTest

@Suite("Outcome: error classes of an answer or a failure")
struct OutcomeTests {
    @Test(
        "Answers are classed by status and, for citizen reads, completeness",
        arguments: [
            (200, #"{"complete":true,"ocmws":[]}"#, Endpoint.dossier, Outcome.ok),
            (200, #"{"complete":false,"ocmws":[{"status":"timeout"}]}"#, .dossier, .partial),
            (200, #"{"ocmws": [], "complete": false}"#, .debts, .partial),
            (200, #"{ "complete" : true }"#, .payments, .ok),
            (200, "garbage", .dossier, .transport),
            (200, "%PDF-1.4", .certificateDocument, .ok),
            (202, #"{"id":"x","status":"accepted"}"#, .submitRequest, .ok),
            (400, "{}", .dossier, .clientError),
            (404, "{}", .certificateDocument, .clientError),
            (409, "{}", .submitCertificate, .clientError),
            (500, "{}", .dossier, .serverError),
            (503, "{}", .dossier, .serverError),
            (302, "", .dossier, .transport),
        ])
    func answers(status: Int, body: String, endpoint: Endpoint, expected: Outcome) {
        #expect(Outcome.classify(status: status, body: Array(body.utf8), endpoint: endpoint) == expected)
    }

    @Test("Failures without an answer: timeout, connect, and the rest as transport")
    func failures() {
        #expect(Outcome.classify(CurlClientError.cancelled) == .transport)
        #expect(Outcome.classify(CurlClientError.shutdown) == .transport)
        #expect(Outcome.ok.isError == false)
        #expect(Outcome.allCases.filter(\.isError).map(\.rawValue) == ["partial", "4xx", "5xx", "timeout", "connect", "transport"])
    }

    @Test("Timeouts and refused connections from a real transfer are classed as such")
    func realFailures() async throws {
        let client = CurlClient(logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.run() }
            // Port 9 on loopback: nothing listens, the connection is refused.
            do {
                _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:9/", totalTimeoutMs: 2_000))
                Issue.record("expected a failure")
            } catch let error as CurlClientError {
                #expect(Outcome.classify(error) == .connect)
            }
            // A deadline already passed fails as a timeout.
            do {
                _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:9/"), deadline: .now - .seconds(1))
                Issue.record("expected a failure")
            } catch let error as CurlClientError {
                #expect(Outcome.classify(error) == .timeout)
            }
            group.cancelAll()
        }
    }
}

@Suite("Answer gaps: what a partial answer misses")
struct AnswerGapsTests {
    @Test("A dossier's gaps are its non-ok parts per OCMW; ok and notSupported are no gap")
    func dossier() {
        let body = #"""
            {"complete":false,"ocmws":[
              {"complete":true,"ocmw":{"id":"gent","name":"OCMW Gent"},"parts":{"debts":{"status":"ok","data":{}}}},
              {"complete":false,"ocmw":{"id":"bonheiden","name":"OCMW Bonheiden"},"parts":{
                "certificates":{"status":"notSupported","reason":"v1"},"debts":{"status":"timeout","reason":"timedOut"},
                "rights":{"status":"error","reason":"invalid answer"}}}]}
            """#
        #expect(AnswerGaps.labels(in: Array(body.utf8), endpoint: .dossier) == ["bonheiden/debts/timeout", "bonheiden/rights/error"])
    }

    @Test("A one-part answer's gaps are named after the endpoint")
    func onePart() {
        let body = #"{"complete":false,"ocmws":[{"ocmw":{"id":"gent"},"status":"ok"},{"ocmw":{"id":"bonheiden"},"status":"unavailable"}]}"#
        #expect(AnswerGaps.labels(in: Array(body.utf8), endpoint: .debts) == ["bonheiden/debts/unavailable"])
        #expect(AnswerGaps.labels(in: Array("garbage".utf8), endpoint: .debts).isEmpty)
    }

    @Test("The book counts gaps, and the report lists them")
    func counted() {
        var book = LatencyBook(lateWarningSeconds: 0.05)
        for _ in 0..<3 {
            book.record(
                Sample(
                    endpoint: .debts, tenants: [.id("bonheiden")], segment: 0, measured: true, intendedSeconds: 0,
                    sentSeconds: 0, completedSeconds: 0.01, outcome: .partial, gaps: ["bonheiden/debts/timeout"]))
        }
        #expect(book.gaps == ["bonheiden/debts/timeout": 3])
        let steps = scenario()
        let report = Report(scenario: steps, schedule: ArrivalSchedule(steps), book: book, actions: [], proxy: "p", startedAt: "s")
        #expect(report.gaps == ["bonheiden/debts/timeout": 3])
        #expect(report.text.contains("  bonheiden/debts/timeout: 3"))
    }
}
