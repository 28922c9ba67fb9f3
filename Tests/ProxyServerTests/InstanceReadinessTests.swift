import AuditTrail
import BackendAccess
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
import ServiceLifecycle
import Synchronization
import Testing

import struct CurlClient.HTTPHeader
import struct CurlClient.HTTPRequest

/// What a load balancer reads on `/health/ready` about the instance itself: a lost shared
/// database, and a stop in progress (draining while the listener still serves).
@Suite("Instance readiness for a load balancer", .timeLimit(.minutes(2)))
struct InstanceReadinessTests {
    static let insz = DemoCitizens.wireframeINSZ
    static let logger = Logger(label: "proxy", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A proxy in front of simulated Gent, which the routing index names for the wireframe citizen.
    func withProxy(
        condition: InstanceCondition = InstanceCondition(), outbox: (any OutboxStore)? = nil,
        _ body: @Sendable (ProxyApplication, _ token: String, NewSocialSimulator, TestSecurity) async throws -> Void
    ) async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            let security = try await TestSecurity()
            let index = InMemoryRoutingIndex()
            await index.register(try IsolationTests.registration(Self.insz, "gent"))
            let client = CurlClient(logger: Self.logger)
            let proxy = ProxyApplication(
                configuration: testConfiguration(),
                registry: TenantRegistryStore(try TestTenants.registry([("gent", .v2, ports[TenantID("gent")!] ?? 0)])),
                client: client, routingIndex: index, security: security.security, audit: security.audit,
                credentials: BackendCredentials(client: client, logger: Self.logger, environment: TestTenants.environment),
                outbox: try outbox ?? TestSecurity.outbox(), condition: condition, logger: Self.logger)
            try await body(proxy, try await security.token(), simulator, security)
        }
    }

    @Test("A lost shared database turns readiness to 503 unavailable, and back; liveness stays 200")
    func lostDatabase() async throws {
        let reachable = Atomic<Bool>(true)
        let condition = InstanceCondition(databaseReachable: { reachable.load(ordering: .relaxed) })
        try await withProxy(condition: condition) { proxy, _, _, _ in
            try await proxy.makeApplication().test(.router) { client in
                let ready = try await client.execute(uri: "/health/ready", method: .get)
                #expect(ready.status == .ok)
                #expect(String(buffer: ready.body).contains(#""database":"reachable""#))

                reachable.store(false, ordering: .relaxed)
                let lost = try await client.execute(uri: "/health/ready", method: .get)
                #expect(lost.status == .serviceUnavailable)
                #expect(String(buffer: lost.body).contains(#""status":"unavailable""#))
                #expect(String(buffer: lost.body).contains(#""database":"unreachable""#))
                #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)

                reachable.store(true, ordering: .relaxed)
                #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            }
        }
    }

    @Test("On a stop, readiness says draining while citizen requests are still served, before the listener closes")
    func drainingBeforeTheListenerCloses() async throws {
        try await withProxy { proxy, token, _, _ in
            let (bound, announce) = AsyncStream<Int>.makeStream()
            let group = ServiceGroup(
                configuration: .init(
                    services: [
                        .init(service: proxy.makeApplication(onServerRunning: { announce.yield($0) })),
                        // Ten minutes: the test, not the delay, ends the drain.
                        .init(service: DrainService(condition: proxy.condition, delay: .seconds(600), logger: Self.logger)),
                    ],
                    logger: Self.logger))
            let running = Task { try await group.run() }
            defer { running.cancel() }
            var ports = bound.makeAsyncIterator()
            let port = try #require(await ports.next())
            let base = "http://127.0.0.1:\(port)"

            let before = try await proxy.client.execute(HTTPRequest(url: base + "/health/ready"))
            #expect(before.status == 200)
            await group.triggerGracefulShutdown()
            try await DeliveryEndToEndTests.eventually { proxy.condition.isDraining }

            let draining = try await proxy.client.execute(HTTPRequest(url: base + "/health/ready"))
            #expect(draining.status == 503)
            #expect(String(decoding: draining.body, as: UTF8.self).contains(#""status":"draining""#))
            let served = try await proxy.client.execute(
                HTTPRequest(
                    url: base + "/v1/citizens/\(Self.insz)/debts", headers: [HTTPHeader("Authorization", "Bearer \(token)")],
                    totalTimeoutMs: 60_000))
            #expect(served.status == 200, "the listener still serves while the balancer moves away")
        }
    }

    @Test("A stopping instance's delivery service hands back the leases it holds: another instance takes them at once")
    func leasesHandedBackOnStop() async throws {
        let outbox = try TestSecurity.outbox()
        let insz = try INSZ(parsing: Self.insz, currentYear: testCurrentYear)
        let accepted = try await outbox.accept(
            NewSubmission(
                kind: .certificateRequest, tenant: TenantID("gent")!, clientID: "drain-test", idempotencyKey: "k",
                citizen: insz, citizenPseudonym: String(repeating: "a", count: 32),
                payload: SubmissionPayload(bytes: Data(#"{"certificateType":"ATT-LL"}"#.utf8)), receivedAt: Date()))
        guard case .accepted(let status) = accepted else { throw CocoaError(.fileWriteUnknown) }
        let id = status.id
        // Leased by the stopping instance for ten minutes, as if its call were about to start.
        _ = try await outbox.lease(
            tenant: TenantID("gent")!, owner: "stopping", now: Date(), leaseDuration: .seconds(600), limit: 1)
        #expect(
            try await outbox.lease(tenant: TenantID("gent")!, owner: "other", now: Date(), leaseDuration: .seconds(60), limit: 1).isEmpty)
        try await withProxy(outbox: outbox) { proxy, _, _, _ in
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: proxy.makeDeliveryService(owner: "stopping"))], logger: Self.logger))
            try await withThrowingDiscardingTaskGroup { tasks in
                tasks.addTask { try await group.run() }
                await group.triggerGracefulShutdown()
            }
        }
        let taken = try await outbox.lease(
            tenant: TenantID("gent")!, owner: "other", now: Date(), leaseDuration: .seconds(60), limit: 1)
        #expect(taken.map(\.id) == [id])
    }

    /// The audit writer stops after the listener: a request still being answered when the stop
    /// begins gets its record written (before, the writer's final flush came first and the record
    /// of every request answered during the stop was lost).
    @Test("A request answered during a stop is in the audit trail")
    func requestsAnsweredDuringAStopAreAudited() async throws {
        try await withProxy { proxy, token, simulator, security in
            // Gent answers after 1.5 s: the request is still in flight when the stop begins.
            simulator.setFault(Fault(latencyMs: 1_500), for: TenantID("gent")!)
            let (bound, announce) = AsyncStream<Int>.makeStream()
            let group = ServiceGroup(
                configuration: .init(
                    services: proxy.servicesInStopOrder(
                        infrastructure: [AuditWriterService(writer: security.auditWriter)],
                        delivery: proxy.makeDeliveryService(owner: "audit-stop-test"),
                        application: proxy.makeApplication(onServerRunning: { announce.yield($0) })),
                    logger: Self.logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var ports = bound.makeAsyncIterator()
                let port = try #require(await ports.next())
                // A client of the test's own: the proxy's stops with its listener, possibly before
                // it has read the answer the listener wrote.
                let answer = Task {
                    try await withCurlClient { caller in
                        try await caller.execute(
                            HTTPRequest(
                                url: "http://127.0.0.1:\(port)/v1/citizens/\(Self.insz)/debts",
                                headers: [HTTPHeader("Authorization", "Bearer \(token)")], totalTimeoutMs: 60_000))
                    }
                }
                try await DeliveryEndToEndTests.eventually { simulator.statistics(for: TenantID("gent")!).requestsInFlight > 0 }
                #expect(simulator.statistics(for: TenantID("gent")!).requestsInFlight > 0)
                await group.triggerGracefulShutdown()
                #expect(try await answer.value.status == 200)
                try await tasks.waitForAll()
            }
            #expect(try await security.auditStore.count() == 1, "the answered read's record")
        }
    }
}
