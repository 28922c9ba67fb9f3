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
import PostgresNIO
import PostgresStores
import PostgresTesting
import ProxyServer
import ProxyTesting
import Testing

/// Two proxy instances on one PostgreSQL outbox: each with its own connection pool, store and
/// delivery service, racing for the same backlog. Every submission reaches New Social once.
@Suite(
    "Two instances on one PostgreSQL database",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct SharedDatabaseDeliveryTests {
    static let logger = Logger(label: "shared-delivery", factory: { _ in SwiftLogNoOpLogHandler() })
    static let tenants = [TenantID("gent")!, TenantID("bonheiden")!]
    /// Submissions per instance; half of them to each OCMW.
    static let perInstance = 150

    /// One proxy instance: its own curl client, outbox store (on its own PostgreSQL client) and owner id.
    private static func instance(
        client: PostgresClient, keyRing: OutboxKeyRing, registry: TenantRegistry, security: TestSecurity
    ) async throws -> (proxy: ProxyApplication, outbox: PostgresOutboxStore) {
        let outbox = try await PostgresOutboxStore(client: client, keyRing: keyRing, logger: logger)
        let curl = CurlClient(logger: logger)
        let proxy = ProxyApplication(
            configuration: testConfiguration(), registry: TenantRegistryStore(registry), client: curl,
            routingIndex: InMemoryRoutingIndex(), security: security.security, audit: security.audit,
            credentials: BackendCredentials(client: curl, logger: logger, environment: TestTenants.environment),
            outbox: outbox, logger: logger)
        return (proxy, outbox)
    }

    /// Posts `count` requests for help through `client`, alternating between the two OCMWs.
    private static func submit(_ count: Int, through client: AuthorizedClient, keyPrefix: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                if index >= 8 { try await group.next() }
                group.addTask {
                    let ocmw = tenants[index % tenants.count].rawValue
                    let json = SubmissionIntakeEndToEndTests.form()
                        .replacingOccurrences(of: #""ocmw":"gent""#, with: #""ocmw":"\#(ocmw)""#)
                    let response = try await client.execute(
                        uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                        headers: SubmissionIntakeEndToEndTests.headers(key: "\(keyPrefix)-\(index)"),
                        body: SubmissionIntakeEndToEndTests.multipart(json: json))
                    #expect(response.status == .accepted)
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("Two delivery services racing for one backlog deliver every submission exactly once")
    func twoInstancesDeliverEachSubmissionOnce() async throws {
        try await withSimulator(Self.tenants.map { ($0.rawValue, $0.rawValue == "gent" ? Dialect.v2 : .v1) }) { simulator, ports in
            let registry = try TestTenants.registry(
                Self.tenants.map { ($0.rawValue, $0.rawValue == "gent" ? .v2 : .v1, ports[$0] ?? 0) },
                limits: .init(connectTimeoutMs: 2_000, totalTimeoutMs: 20_000))
            let keyRing = try OutboxKeyRing(current: OutboxKey.random(id: "shared"))
            let security = try await TestSecurity()
            let token = try await security.token()
            try await PostgresTestDatabase.withClients(2) { clients in
                let first = try await Self.instance(client: clients[0], keyRing: keyRing, registry: registry, security: security)
                let second = try await Self.instance(client: clients[1], keyRing: keyRing, registry: registry, security: security)
                var delivery = DeliveryService.Configuration()
                delivery.pollInterval = .milliseconds(10)
                delivery.backoffBase = .milliseconds(20)
                delivery.backoffCap = .milliseconds(200)
                let services = [
                    first.proxy.makeDeliveryService(configuration: delivery, owner: "instance-1"),
                    second.proxy.makeDeliveryService(configuration: delivery, owner: "instance-2"),
                ]
                try await first.proxy.makeApplication().test(.live) { firstClient in
                    try await second.proxy.makeApplication().test(.live) { secondClient in
                        // The whole backlog is accepted first, so both services start on the same rows.
                        try await Self.submit(
                            Self.perInstance, through: AuthorizedClient(raw: firstClient, token: token),
                            keyPrefix: "first")
                        try await Self.submit(
                            Self.perInstance, through: AuthorizedClient(raw: secondClient, token: token),
                            keyPrefix: "second")
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            for service in services { group.addTask { try await service.run() } }
                            defer { group.cancelAll() }
                            try await Self.waitUntilSettled(first.outbox, total: 2 * Self.perInstance)
                        }
                    }
                }
                try await Self.expectDeliveredOnce(first.outbox, simulator: simulator, total: 2 * Self.perInstance)
            }
        }
    }

    /// Polls until nothing is pending (bounded, so a lost submission fails the test instead of hanging it).
    private static func waitUntilSettled(_ outbox: PostgresOutboxStore, total: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let counts = try await outbox.counts().values.reduce(into: [SubmissionPhase: Int]()) { sum, phases in
                sum.merge(phases, uniquingKeysWith: +)
            }
            if counts[.delivered, default: 0] + counts[.failed, default: 0] == total { return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func expectDeliveredOnce(
        _ outbox: PostgresOutboxStore, simulator: NewSocialSimulator, total: Int
    ) async throws {
        let perTenant = total / tenants.count
        #expect(try await outbox.counts() == Dictionary(uniqueKeysWithValues: tenants.map { ($0, [.delivered: perTenant]) }))
        let statuses = try await outbox.list(state: nil, tenant: nil, limit: total + 10)
        #expect(statuses.count == total)
        let numbers = statuses.compactMap { status -> String? in
            guard case .delivered(let number) = status.state else { return nil }
            return "\(status.tenant)/\(number)"
        }
        #expect(numbers.count == total)
        #expect(Set(numbers).count == total, "no dossier number given twice")
        for tenant in tenants {
            #expect(simulator.submissionsCreated(for: tenant) == perTenant)
            // Each POST that reached the OCMW created a submission: none was sent twice.
            #expect(simulator.submissionsReceived(for: tenant) == perTenant)
            #expect(simulator.duplicatesAnswered(for: tenant) == 0)
        }
    }
}
