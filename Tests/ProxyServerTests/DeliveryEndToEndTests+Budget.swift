import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// Deliveries have their own time and their own breaker, and what cannot fit the New Social
/// contract is refused before it is accepted.
extension DeliveryEndToEndTests {
    @Test func aDeliverySlowerThanAReadIsDeliveredOnceAndTheReadBreakerNeverSeesIt() async throws {
        // Reads give up after 300 ms and one bad call in their window opens their breaker; each
        // delivery takes Gent at least a second to answer, well within the delivery timeout.
        let limits = TenantsDocument.LimitsEntry(
            connectTimeoutMs: 300, totalTimeoutMs: 300, breakerMinimumCalls: 1, deliveryTimeoutMs: 300_000)
        try await withDelivery(limits: limits) { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            simulator.setFault(Fault(latencyMs: 1_000), for: gent)
            let location = try await submit(client, ocmw: "gent", key: "slow-upload")
            #expect(try await settled(client, location)["status"] as? String == "delivered")
            Self.expectEachSentOnce(simulator, "gent", count: 1)
            let admin: HTTPFields = [.authorization: "Bearer \(fixture.security.adminToken)"]
            try await Application(router: fixture.proxy.makeAdminRouter()).test(.router) { adminClient in
                let response = try await adminClient.execute(uri: "/admin/tenants", method: .get, headers: admin)
                let view = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let tenants = try #require(view?["tenants"] as? [[String: Any]])
                let runtime = try #require(tenants.first { $0["id"] as? String == "gent" }?["runtime"] as? [String: Any])
                #expect(runtime["breaker"] as? String == "closed")
                #expect(runtime["windowCalls"] as? Int == 0, "no delivery counted among the reads")
                #expect(runtime["deliveryBreaker"] as? String == "closed")
            }
        }
    }

    @Test func aSubmissionTooLargeForTheOCMWOnceEncodedIsRefusedAndNeverAccepted() async throws {
        // Two 9 MiB files are within every intake limit, but in base64 they make a 24 MiB body;
        // New Social takes 16 MiB. One such file (12 MiB encoded) fits and is delivered.
        let file = SubmissionIntakeEndToEndTests.pdf + Array(repeating: UInt8(ascii: "x"), count: 9 * 1024 * 1024)
        try await withDelivery { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            let tooLarge = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: SubmissionIntakeEndToEndTests.headers(key: "two-large-files"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form(), files: [file, file]))
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.headers[.contentType] == "application/problem+json")
            let problem = String(buffer: tooLarge.body)
            #expect(problem.contains("urn:ocmw-proxy:problem:submission-too-large-for-ocmw"))
            #expect(problem.contains("16.0 MiB"))
            #expect(try await fixture.proxy.outbox.counts().isEmpty, "nothing was accepted")
            let fits = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: SubmissionIntakeEndToEndTests.headers(key: "one-large-file"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form(), files: [file]))
            #expect(fits.status == .accepted)
            let location = try #require(fits.headers[.location])
            #expect(try await settled(client, location)["status"] as? String == "delivered")
            #expect(simulator.submissionsReceived(for: gent) == 1, "only the one that fits ever reached the OCMW")
        }
    }
}
