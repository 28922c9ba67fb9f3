import BackendAccess
import CurlClient
import Delivery
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
/// and in both dialects. "Once" is counted before the simulated OCMW's own de-duplication: what
/// it received, not only what it created.
@Suite struct DeliveryEndToEndTests {
    static let logger = Logger(label: "delivery", factory: { _ in SwiftLogNoOpLogHandler() })

    /// What a delivery test works with.
    struct Fixture: Sendable {
        let client: AuthorizedClient
        let simulator: NewSocialSimulator
        let proxy: ProxyApplication
        let security: TestSecurity
        /// Starts the delivery service (when the fixture was made with it stopped).
        let startDelivery: @Sendable () -> Void
    }

    /// A live proxy with its delivery service, in front of simulated Gent (v2) and Bonheiden (v1).
    /// - Parameter delivering: Whether the service runs from the start; else `startDelivery` starts it.
    /// - Parameter limits: Both tenants' limits; what they leave out is patient.
    /// - Parameter instances: Delivery services on the one outbox, as proxy instances on one database.
    func withDelivery(
        maxAttempts: Int = 12, backoff: Duration = .milliseconds(20), delivering: Bool = true,
        limits: TenantsDocument.LimitsEntry? = nil, leaseDuration: Duration = .seconds(60), instances: Int = 1,
        outbox: (any OutboxStore)? = nil,
        _ body: @Sendable (Fixture) async throws -> Void
    ) async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let security = try await TestSecurity()
            let token = try await security.token()
            let outbox = try outbox ?? TestSecurity.outbox()
            let registry = try TestTenants.registry(
                [
                    ("gent", .v2, ports[TenantID("gent")!] ?? 0),
                    ("bonheiden", .v1, ports[TenantID("bonheiden")!] ?? 0),
                ], limits: limits)
            let client = CurlClient(logger: Self.logger)
            let proxy = ProxyApplication(
                configuration: testConfiguration(),
                registry: TenantRegistryStore(registry), client: client,
                routingIndex: InMemoryRoutingIndex(), security: security.security, audit: security.audit,
                credentials: BackendCredentials(client: client, logger: Self.logger, environment: TestTenants.environment),
                outbox: outbox, logger: Self.logger)
            var delivery = DeliveryService.Configuration()
            delivery.backoffBase = backoff
            delivery.backoffCap = max(backoff, .milliseconds(100))
            delivery.pollInterval = .milliseconds(20)
            delivery.maxAttempts = maxAttempts
            delivery.leaseDuration = leaseDuration
            let services = (0..<instances).map { proxy.makeDeliveryService(configuration: delivery, owner: "test-instance-\($0)") }
            let (gate, opener) = AsyncStream<Void>.makeStream()
            if delivering { opener.finish() }
            try await proxy.makeApplication().test(.live) { raw in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for service in services {
                        group.addTask {
                            for await _ in gate { break }
                            try await service.run()
                        }
                    }
                    defer { group.cancelAll() }
                    try await body(
                        Fixture(
                            client: AuthorizedClient(raw: raw, token: token), simulator: simulator,
                            proxy: proxy, security: security, startDelivery: { opener.finish() }))
                }
            }
        }
    }

    /// Every submission `POST` the OCMW received created one, none was sent again: exactly once.
    static func expectEachSentOnce(
        _ simulator: NewSocialSimulator, _ tenant: String, count: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let id = TenantID(tenant)!
        #expect(simulator.submissionsCreated(for: id) == count, sourceLocation: sourceLocation)
        #expect(
            simulator.submissionsReceived(for: id) == count, "received before de-duplication",
            sourceLocation: sourceLocation)
        #expect(simulator.duplicatesAnswered(for: id) == 0, sourceLocation: sourceLocation)
    }

    /// Waits until `condition` holds (the machine's speed decides how long; the test's own
    /// expectations decide the outcome), giving up after a minute.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<3_000 where !condition() { try await Task.sleep(for: .milliseconds(20)) }
    }

    func submit(_ client: AuthorizedClient, ocmw: String, key: String) async throws -> String {
        let json = SubmissionIntakeEndToEndTests.form().replacingOccurrences(of: #""ocmw":"gent""#, with: #""ocmw":"\#(ocmw)""#)
        let response = try await client.execute(
            uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
            headers: SubmissionIntakeEndToEndTests.headers(key: key), body: SubmissionIntakeEndToEndTests.multipart(json: json))
        #expect(response.status == .accepted)
        return try #require(response.headers[.location])
    }

    /// Polls the status until it leaves `accepted`/`delivering`, giving up after a minute.
    func settled(_ client: AuthorizedClient, _ location: String) async throws -> [String: Any] {
        for _ in 0..<1_200 {
            let status = try await client.json(location)
            let phase = status["status"] as? String
            if phase == "delivered" || phase == "failed" { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await client.json(location)
    }

    @Test(arguments: ["gent", "bonheiden"])
    func acceptedRequestIsDeliveredOnceWithItsDossierNumber(ocmw: String) async throws {
        try await withDelivery { fixture in
            let location = try await submit(fixture.client, ocmw: ocmw, key: "deliver-\(ocmw)")
            let status = try await settled(fixture.client, location)
            #expect(status["status"] as? String == "delivered")
            #expect((status["dossierNumber"] as? String)?.contains("/") == true)
            Self.expectEachSentOnce(fixture.simulator, ocmw, count: 1)
        }
    }

    /// A valid INSZ no OCMW knows: its reads find nothing (and that is cached), it submits to
    /// Gent, and from then on its reads ask Gent and show the request once Gent has it.
    @Test func aNewApplicantFollowsTheRequestAtTheOCMWItWentTo() async throws {
        try await withDelivery { fixture in
            let requests = "/v1/citizens/\(DemoCitizens.unknownINSZ)/requests"
            #expect((try await fixture.client.json(requests)["ocmws"] as? [Any])?.isEmpty == true)
            let response = try await fixture.client.execute(
                uri: requests, method: .post, headers: SubmissionIntakeEndToEndTests.headers(key: "new-applicant"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))
            #expect(response.status == .accepted)
            let status = try await settled(fixture.client, try #require(response.headers[.location]))
            #expect(status["status"] as? String == "delivered")
            let dossierNumber = try #require(status["dossierNumber"] as? String)
            let answer = try await fixture.client.json(requests)
            let ocmws = try #require(answer["ocmws"] as? [[String: Any]])
            #expect(ocmws.compactMap { ($0["ocmw"] as? [String: Any])?["id"] as? String } == ["gent"])
            #expect(ocmws.first?["status"] as? String == "ok")
            let listed = try #require(ocmws.first?["requests"] as? [[String: Any]])
            #expect(listed.contains { $0["dossierNumber"] as? String == dossierNumber }, "\(listed)")
        }
    }

    /// Two instances deliver from one outbox with a configured lease (1 s) shorter than Gent's
    /// answer (at least 1.5 s): the lease is taken for as long as the tenant's delivery can take,
    /// so the second instance never sends the submission while the first is still at it.
    @Test func aLeaseOutlivesItsDeliveryEvenWhenConfiguredShorter() async throws {
        try await withDelivery(leaseDuration: .seconds(1), instances: 2) { fixture in
            fixture.simulator.setFault(Fault(latencyMs: 1_500), for: TenantID("gent")!)
            let location = try await submit(fixture.client, ocmw: "gent", key: "long-call")
            let status = try await settled(fixture.client, location)
            #expect(status["status"] as? String == "delivered")
            Self.expectEachSentOnce(fixture.simulator, "gent", count: 1)
        }
    }

    /// The delivery loop cannot read its outbox: operators see it (a metric, besides the log),
    /// and deliveries go on once it can.
    @Test func anOutboxTheLoopCannotReadIsCountedAndDeliveryResumes() async throws {
        let outbox = SwitchableOutboxStore(base: try TestSecurity.outbox())
        try await withDelivery(outbox: outbox) { fixture in
            outbox.setDown(true)
            try await Self.eventually { fixture.proxy.metrics.exposition().contains(#"event="outboxUnavailable""#) }
            #expect(fixture.proxy.metrics.exposition().contains(#"ocmw_delivery_events_total{event="outboxUnavailable"}"#))
            outbox.setDown(false)
            let status = try await settled(fixture.client, try await submit(fixture.client, ocmw: "gent", key: "after-outage"))
            #expect(status["status"] as? String == "delivered")
        }
    }

    @Test func downOCMWGetsItOnceItIsBack() async throws {
        try await withDelivery { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            simulator.setFault(Fault(errorRate: 1), for: gent)
            let location = try await submit(client, ocmw: "gent", key: "while-down")
            try await Self.eventually { simulator.submissionsReceived(for: gent) >= 2 }
            #expect(simulator.submissionsReceived(for: gent) >= 2, "it was tried while down, and tried again")
            #expect(simulator.submissionsCreated(for: gent) == 0)
            #expect(try await client.json(location)["status"] as? String != "delivered")
            simulator.setFault(.none, for: gent)
            let status = try await settled(client, location)
            #expect(status["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: gent) == 1)
            #expect(simulator.duplicatesAnswered(for: gent) == 0, "the failed attempts created nothing to repeat")
        }
    }

    @Test func backlogIsDeliveredSeveralAtATime() async throws {
        try await withDelivery(delivering: false) { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            // A backlog of eight, then the service starts: each answer takes a second, so
            // deliveries one at a time would never overlap; several in flight at once need several
            // connections.
            simulator.setFault(Fault(latencyMs: 1_000), for: gent)
            var locations: [String] = []
            for index in 0..<8 { locations.append(try await submit(client, ocmw: "gent", key: "backlog-\(index)")) }
            fixture.startDelivery()
            for location in locations {
                #expect(try await settled(client, location)["status"] as? String == "delivered")
            }
            Self.expectEachSentOnce(simulator, "gent", count: 8)
            #expect(simulator.statistics(for: gent).peakRequestsInFlight > 1)
            #expect(simulator.statistics(for: gent).connectionsAccepted > 1)
        }
    }

    @Test func backlogWaitingOutABackoffGoesOnceTheOCMWAnswersAgain() async throws {
        // Ten minutes of backoff: without the recovery, the first submission would wait for it.
        try await withDelivery(backoff: .seconds(600)) { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            simulator.setFault(Fault(errorRate: 1), for: gent)
            let first = try await submit(client, ocmw: "gent", key: "before-recovery")
            try await Self.eventually { simulator.submissionsReceived(for: gent) >= 1 }
            simulator.setFault(.none, for: gent)
            let second = try await submit(client, ocmw: "gent", key: "after-recovery")
            #expect(try await settled(client, second)["status"] as? String == "delivered")
            #expect(try await settled(client, first)["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: gent) == 2)
            #expect(simulator.duplicatesAnswered(for: gent) == 0)
        }
    }

    @Test func lostAnswerIsNotADuplicate() async throws {
        try await withDelivery { fixture in
            let (client, simulator, gent) = (fixture.client, fixture.simulator, TenantID("gent")!)
            // Garbage: the OCMW creates the submission but its answer is lost on the way back.
            simulator.setFault(Fault(mode: .garbage), for: gent)
            let location = try await submit(client, ocmw: "gent", key: "lost-answer")
            try await Self.eventually { simulator.submissionsCreated(for: gent) >= 1 }
            simulator.setFault(.none, for: gent)
            let status = try await settled(client, location)
            #expect(status["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: gent) == 1)
            #expect(simulator.duplicatesAnswered(for: gent) >= 1, "the retry was answered from the original")
            #expect(
                simulator.submissionsReceived(for: gent) == 1 + simulator.duplicatesAnswered(for: gent),
                "every resend carried the same key and body")
        }
    }

    @Test func failedSubmissionIsVisibleToOperatorsAndCanBeRetried() async throws {
        try await withDelivery(maxAttempts: 2) { fixture in
            let (client, simulator, proxy, security) = (fixture.client, fixture.simulator, fixture.proxy, fixture.security)
            simulator.setFault(Fault(errorRate: 1), for: TenantID("gent")!)
            let location = try await submit(client, ocmw: "gent", key: "fails")
            let failed = try await settled(client, location)
            #expect(failed["status"] as? String == "failed")
            #expect(failed["reason"] as? String == "retriesExhausted")
            let id = String(location.dropFirst("/v1/submissions/".count))
            let admin: HTTPFields = [.authorization: "Bearer \(security.adminToken)"]
            try await Application(router: proxy.makeAdminRouter()).test(.router) { adminClient in
                let listing = try await adminClient.execute(uri: "/admin/outbox?state=failed", method: .get, headers: admin)
                #expect(listing.status == .ok)
                let text = String(buffer: listing.body)
                #expect(text.contains(id))
                #expect(text.contains(#""gent":{"failed":1}"#))
                #expect(!text.contains(DemoCitizens.wireframeINSZ), "no national number in the operators' view")
                // What the runbooks look for, on every entry.
                let object = try JSONSerialization.jsonObject(with: Data(buffer: listing.body)) as? [String: Any]
                let entry = try #require((object?["submissions"] as? [[String: Any]])?.first)
                for field in ["state", "attempts", "lastError", "nextAttemptAt", "createdAt", "updatedAt"] {
                    #expect(entry[field] != nil, "\(field) in \(entry)")
                }
                #expect(entry["state"] as? String == "failed")
                #expect((entry["attempts"] as? Int ?? 0) >= 1)
                simulator.setFault(.none, for: TenantID("gent")!)
                let retry = try await adminClient.execute(uri: "/admin/outbox/\(id)/retry", method: .post, headers: admin)
                #expect(retry.status == .ok)
                // Not failed any more: a second retry is refused with a sentence, not a code.
                let again = try await adminClient.execute(uri: "/admin/outbox/\(id)/retry", method: .post, headers: admin)
                #expect(again.status == .conflict)
                #expect(String(buffer: again.body).contains("the submission is not failed"))
                let unknown = try await adminClient.execute(
                    uri: "/admin/outbox/\(UUID().uuidString)/retry", method: .post,
                    headers: admin)
                #expect(unknown.status == .notFound)
            }
            let delivered = try await settled(client, location)
            #expect(delivered["status"] as? String == "delivered")
            #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 1)
            #expect(simulator.duplicatesAnswered(for: TenantID("gent")!) == 0)
        }
    }
}
