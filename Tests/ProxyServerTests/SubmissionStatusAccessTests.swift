import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import ProxyTesting
import Testing

/// `GET /v1/submissions/{id}` shows a submission only to the client that submitted it.
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

    static func problemType(_ response: TestResponse) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["type"] as? String
    }
}
