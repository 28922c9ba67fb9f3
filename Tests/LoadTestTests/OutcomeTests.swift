import CurlClient
import Logging
import Foundation
import Testing
@testable import LoadTest

@Suite("Outcome: error classes of an answer or a failure")
struct OutcomeTests {
    @Test("Answers are classed by status and, for citizen reads, completeness", arguments: [
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
