import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import Outbox
import ProxyServer
import ProxyTesting
import Testing

/// Accepted submissions reach New Social exactly once: when the OCMW is up, after it was down,
/// and in both dialects.
@Suite struct DeliveryEndToEndTests {
    static let logger = Logger(label: "delivery", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A live proxy with its delivery service running, in front of simulated Gent (v2) and Bonheiden (v1).
    func withDelivery(maxAttempts: Int = 12, backoff: Duration = .milliseconds(20),
                      _ body: @Sendable (AuthorizedClient, NewSocialSimulator, ProxyApplication, TestSecurity) async throws -> Void)
        async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let security = try await TestSecurity()
            let token = try await security.token()
            let outbox = try TestSecurity.outbox()
            let registry = try TestTenants.registry([("gent", .v2, ports[TenantID("gent")!] ?? 0),
                                                     ("bonheiden", .v1, ports[TenantID("bonheiden")!] ?? 0)],
                                                    limits: .init(connectTimeoutMs: 300, totalTimeoutMs: 1_000))
            let client = CurlClient(logger: Self.logger)
            let proxy = ProxyApplication(
                configuration: .init(port: 0, today: { testToday }), registry: TenantRegistryStore(registry), client: client,
                routingIndex: InMemoryRoutingIndex(), security: security.security, audit: security.audit,
                credentials: BackendCredentials(client: client, logger: Self.logger, environment: TestTenants.environment),
                outbox: outbox, logger: Self.logger)
            var delivery = DeliveryService.Configuration()
            delivery.backoffBase = backoff
            delivery.backoffCap = max(backoff, .milliseconds(100))
            delivery.pollInterval = .milliseconds(20)
            delivery.maxAttempts = maxAttempts
            let service = proxy.makeDeliveryService(configuration: delivery, owner: "test-instance")
            try await proxy.makeApplication().test(.live) { raw in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await service.run() }
                    defer { group.cancelAll() }
                    try await body(AuthorizedClient(raw: raw, token: token), simulator, proxy, security)
                }
            }
        }
    }

    func submit(_ client: AuthorizedClient, ocmw: String, key: String) async throws -> String {
        let json = SubmissionIntakeEndToEndTests.form().replacingOccurrences(of: #""ocmw":"gent""#, with: #""ocmw":"\#(ocmw)""#)
        let response = try await client.execute(
            uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
            headers: SubmissionIntakeEndToEndTests.headers(key: key), body: SubmissionIntakeEndToEndTests.multipart(json: json))
        #expect(response.status == .accepted)
        return try #require(response.headers[.location])
    }

    /// Polls the status until it leaves `accepted`/`delivering` or the time is up.
    func settled(_ client: AuthorizedClient, _ location: String, within: Duration = .seconds(10)) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + within
        while true {
            let status = try await client.json(location)
            let phase = status["status"] as? String
            if phase == "delivered" || phase == "failed" || ContinuousClock.now > deadline { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test(arguments: ["gent", "bonheiden"])
    func acceptedRequestIsDeliveredOnceWithItsDossierNumber(ocmw: String) async throws {
        try await withDelivery { client, simulator, _, _ in
            let location = try await submit(client, ocmw: ocmw, key: "deliver-\(ocmw)")
            let status = try await settled(client, location)
            #expect(status["status"] as? String == "delivered")
            #expect((status["dossierNumber"] as? String)?.contains("/") == true)
            #expect(simulator.submissionsCreated(for: TenantID(ocmw)!) == 1)
        }
    }

    @Test func downOCMWGetsItOnceItIsBack() async throws {
        try await withDelivery { client, simulator, _, _ in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("gent")!)
            let location = try await submit(client, ocmw: "gent", key: "while-down")
            try await Task.sleep(for: .milliseconds(300))
            #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 0)
            #expect(simulator.submissionsReceived(for: TenantID("gent")!) >= 1, "it was tried while down")
            simulator.setFault(.none, for: TenantID("gent")!)
            let status = try await settled(client, location)
            #expect(status["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 1)
        }
    }

    @Test func backlogIsDeliveredSeveralAtATime() async throws {
        try await withDelivery { client, simulator, _, _ in
            let gent = TenantID("gent")!
            // Slow answers: deliveries one at a time would all reuse one keep-alive connection;
            // several in flight at once need several connections.
            simulator.setFault(Fault(latencyMs: 200), for: gent)
            var locations: [String] = []
            for index in 0..<8 { locations.append(try await submit(client, ocmw: "gent", key: "backlog-\(index)")) }
            for location in locations {
                #expect(try await settled(client, location)["status"] as? String == "delivered")
            }
            #expect(simulator.submissionsCreated(for: gent) == 8)
            #expect(simulator.statistics(for: gent).connectionsAccepted > 1)
        }
    }

    @Test func backlogWaitingOutABackoffGoesOnceTheOCMWAnswersAgain() async throws {
        // Ten minutes of backoff: without the recovery, the first submission would wait for it.
        try await withDelivery(backoff: .seconds(600)) { client, simulator, _, _ in
            let gent = TenantID("gent")!
            simulator.setFault(Fault(errorRate: 1), for: gent)
            let first = try await submit(client, ocmw: "gent", key: "before-recovery")
            while simulator.submissionsReceived(for: gent) == 0 { try await Task.sleep(for: .milliseconds(20)) }
            simulator.setFault(.none, for: gent)
            let second = try await submit(client, ocmw: "gent", key: "after-recovery")
            #expect(try await settled(client, second)["status"] as? String == "delivered")
            #expect(try await settled(client, first)["status"] as? String == "delivered")
        }
    }

    @Test func lostAnswerIsNotADuplicate() async throws {
        try await withDelivery { client, simulator, _, _ in
            // Garbage: the OCMW creates the submission but its answer is lost on the way back.
            simulator.setFault(Fault(mode: .garbage), for: TenantID("gent")!)
            let location = try await submit(client, ocmw: "gent", key: "lost-answer")
            try await Task.sleep(for: .milliseconds(200))
            simulator.setFault(.none, for: TenantID("gent")!)
            let status = try await settled(client, location)
            #expect(status["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 1)
            #expect(simulator.duplicatesAnswered(for: TenantID("gent")!) >= 1, "the retry was answered from the original")
        }
    }

    @Test func failedSubmissionIsVisibleToOperatorsAndCanBeRetried() async throws {
        try await withDelivery(maxAttempts: 2) { client, simulator, proxy, security in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("gent")!)
            let location = try await submit(client, ocmw: "gent", key: "fails")
            let failed = try await settled(client, location)
            #expect(failed["status"] as? String == "failed")
            #expect((failed["reason"] as? String)?.contains("attempts") == true)
            let id = String(location.dropFirst("/v1/submissions/".count))
            let admin: HTTPFields = [.authorization: "Bearer \(security.adminToken)"]
            try await Application(router: proxy.makeAdminRouter()).test(.router) { adminClient in
                let listing = try await adminClient.execute(uri: "/admin/outbox?state=failed", method: .get, headers: admin)
                #expect(listing.status == .ok)
                let text = String(buffer: listing.body)
                #expect(text.contains(id))
                #expect(text.contains(#""gent":{"failed":1}"#))
                #expect(!text.contains(DemoCitizens.wireframeINSZ), "no national number in the operators' view")
                simulator.setFault(.none, for: TenantID("gent")!)
                let retry = try await adminClient.execute(uri: "/admin/outbox/\(id)/retry", method: .post, headers: admin)
                #expect(retry.status == .ok)
                // Not failed any more: a second retry is refused with a sentence, not a code.
                let again = try await adminClient.execute(uri: "/admin/outbox/\(id)/retry", method: .post, headers: admin)
                #expect(again.status == .conflict)
                #expect(String(buffer: again.body).contains("the submission is not failed"))
                let unknown = try await adminClient.execute(uri: "/admin/outbox/\(UUID().uuidString)/retry", method: .post,
                                                            headers: admin)
                #expect(unknown.status == .notFound)
            }
            let delivered = try await settled(client, location)
            #expect(delivered["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 1)
        }
    }
}
