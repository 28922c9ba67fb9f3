import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// `GET /v1/submissions/{id}` shows a submission only to the client that submitted it, and to a
/// token bound to a citizen only that citizen's.
@Suite struct SubmissionStatusAccessTests {
    @Test func anotherClientGetsTheSameNotFoundAsForAnUnknownID() async throws {
        let security = try await TestSecurity()
        let other = "Bearer " + (try await security.token(clientID: "another-portal"))
        try await withProxyAndSimulator(security: security) { client, _ in
            let submitted = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: SubmissionIntakeEndToEndTests.headers(key: "access-1"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))
            #expect(submitted.status == .accepted)
            let location = try #require(submitted.headers[.location])

            let own = try await client.execute(uri: location, method: .get)
            #expect(own.status == .ok)

            let foreign = try await client.execute(uri: location, method: .get, authorization: .some(other))
            let unknown = try await client.execute(
                uri: "/v1/submissions/\(UUID().uuidString.lowercased())",
                method: .get, authorization: .some(other))
            #expect(foreign.status == .notFound)
            #expect(foreign.headers[.contentType] == "application/problem+json")
            // Nothing in the answer tells "someone else's" from "no such id".
            #expect(Self.problemType(foreign) == Self.problemType(unknown))
            #expect(Self.problemType(foreign) == "urn:ocmw-proxy:problem:unknown-submission")
        }
    }

    /// Two tokens of one client, each bound to its own citizen (as token exchange gives them):
    /// neither reads the other's submission, and the same Idempotency-Key is each citizen's own.
    @Test func aCitizenBoundTokenSeesOnlyItsCitizensSubmissions() async throws {
        let security = try await TestSecurity()
        let first = try INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)
        let second = try INSZ(parsing: DemoCitizens.twoOCMWINSZ, currentYear: testCurrentYear)
        let boundToFirst = "Bearer " + (try await security.token(insz: first))
        let boundToSecond = "Bearer " + (try await security.token(insz: second))
        try await withProxyAndSimulator(security: security) { client, _ in
            func submit(for insz: INSZ, as token: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/citizens/\(insz.digits)/requests", method: .post,
                    headers: SubmissionIntakeEndToEndTests.headers(key: "shared-key"),
                    body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()),
                    authorization: .some(token))
            }
            let firsts = try await submit(for: first, as: boundToFirst)
            #expect(firsts.status == .accepted)
            let location = try #require(firsts.headers[.location])
            #expect(try await client.execute(uri: location, method: .get, authorization: .some(boundToFirst)).status == .ok)

            let foreign = try await client.execute(uri: location, method: .get, authorization: .some(boundToSecond))
            #expect(foreign.status == .notFound)
            #expect(Self.problemType(foreign) == "urn:ocmw-proxy:problem:unknown-submission")
            #expect(!String(buffer: foreign.body).contains("gent"), "nothing of the first citizen's submission")

            // The same key for the other citizen is that citizen's own submission, not a 409.
            let seconds = try await submit(for: second, as: boundToSecond)
            #expect(seconds.status == .accepted)
            let secondLocation = try #require(seconds.headers[.location])
            #expect(secondLocation != location)
            #expect(try await client.execute(uri: secondLocation, method: .get, authorization: .some(boundToFirst)).status == .notFound)
            // A token acting for any citizen (the portal's own) still sees both.
            #expect(try await client.execute(uri: location, method: .get).status == .ok)
            #expect(try await client.execute(uri: secondLocation, method: .get).status == .ok)
        }
    }

    /// A caller past its submission rate gets 429 with `Retry-After` before its body is read;
    /// nothing is stored, and another caller is not held back.
    @Test func aCallerPastItsSubmissionRateIsRefusedWithRetryAfter() async throws {
        let security = try await TestSecurity()
        let other = "Bearer " + (try await security.token(clientID: "another-portal"))
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(
            security: security, outbox: outbox, submissionRatePerClient: .init(ratePerSecond: 0.001, burst: 2)
        ) { client, _ in
            func submit(key: String, as token: String? = nil) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                    headers: SubmissionIntakeEndToEndTests.headers(key: key),
                    body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()),
                    authorization: token.map { .some($0) } ?? .some(nil))
            }
            #expect(try await submit(key: "rate-1").status == .accepted)
            #expect(try await submit(key: "rate-2").status == .accepted)
            let refused = try await submit(key: "rate-3")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(Self.problemType(refused) == "urn:ocmw-proxy:problem:rate-limited")
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect(retryAfter >= 1)
            #expect(try await outbox.counts()[TenantID("gent")!]?.values.reduce(0, +) == 2, "the refused one is not stored")
            #expect(try await submit(key: "rate-1", as: other).status == .accepted, "another caller has its own allowance")
        }
    }

    static func problemType(_ response: TestResponse) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["type"] as? String
    }
}
