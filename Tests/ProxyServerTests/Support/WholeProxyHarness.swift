import BackendAccess
import CurlClient
import Delivery
import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import Observability
import Outbox
import ProxyServer
import ProxyTesting
import SQLiteStores
import TenantReload

/// Everything a running proxy does, for tests that follow data through all of it: the public
/// API, the delivery service, reloads of its tenants file, the outbox and the audit trail.
struct WholeProxy: Sendable {
    let client: AuthorizedClient
    let simulator: NewSocialSimulator
    let security: TestSecurity
    let outbox: SQLiteOutboxStore
    let reloader: TenantReloader
    /// The tenants file the reloader reads; rewrite it, then `reloader.reload(trigger:)`.
    let tenantsFile: URL
    /// The file as first written, for a test that writes a variant of it.
    let document: TenantsDocument
}

/// A live proxy (port 0) with its delivery service running and its tenants in a file, in front
/// of simulated Gent (v2) and Bonheiden (v1); every component logs into `logs`.
/// - Parameter limits: Both tenants' limits; what they leave out is patient.
func withWholeProxy(
    logs: LogCapture, limits: TenantsDocument.LimitsEntry? = nil, _ body: @Sendable (WholeProxy) async throws -> Void
) async throws {
    let security = try await TestSecurity()
    let token = try await security.token()
    try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
        let document = TenantsDocument(tenants: [
            TestTenants.entry(id: "gent", dialect: .v2, port: ports[TenantID("gent")!] ?? 0, index: 0, limits: limits),
            TestTenants.entry(id: "bonheiden", dialect: .v1, port: ports[TenantID("bonheiden")!] ?? 0, index: 1, limits: limits),
        ])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tenants-\(UUID().uuidString).json")
        try JSONEncoder().encode(document).write(to: file, options: .atomic)
        defer { try? FileManager.default.removeItem(at: file) }
        let logger = logs.logger(label: "proxy")
        let store = TenantRegistryStore(try TenantRegistry(validating: document))
        let metrics = ProxyMetrics()
        let reloader = TenantReloader(path: file.path, store: store, metrics: metrics, logger: logger)
        let curl = CurlClient(logger: logger)
        let outbox = try TestSecurity.outbox()
        let proxy = ProxyApplication(
            configuration: testConfiguration(), registry: store, client: curl, routingIndex: InMemoryRoutingIndex(),
            metrics: metrics, reloader: reloader, security: security.security, audit: security.audit,
            credentials: BackendCredentials(client: curl, logger: logger, environment: TestTenants.environment),
            outbox: outbox, logger: logger)
        var delivery = DeliveryService.Configuration()
        delivery.backoffBase = .milliseconds(20)
        delivery.backoffCap = .milliseconds(100)
        delivery.pollInterval = .milliseconds(20)
        let service = proxy.makeDeliveryService(configuration: delivery, owner: "test-instance")
        try await proxy.makeApplication().test(.live) { raw in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                defer { group.cancelAll() }
                try await body(
                    WholeProxy(
                        client: AuthorizedClient(raw: raw, token: token), simulator: simulator, security: security,
                        outbox: outbox, reloader: reloader, tenantsFile: file, document: document))
            }
        }
    }
}
