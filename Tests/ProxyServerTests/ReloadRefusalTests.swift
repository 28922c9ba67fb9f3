import BackendAccess
import CurlClient
import Foundation
import Logging
import OCMWCore
import Observability
import ProxyServer
import ProxyTesting
import TenantReload
import Testing

/// What a reload refuses besides an invalid file, and what follows a reload besides the registry.
@Suite struct ReloadRefusalTests {
    private typealias TenantsFile = ReloadTests.TenantsFile

    /// Only Gent's key is in this environment.
    private static let environment: @Sendable (String) -> String? = { name in
        name == "OCMW_GENT_API_KEY" ? "gent-key" : nil
    }

    @Test func aReloadRefusesAnActiveTenantWithoutItsCredentialAndNamesTheVariable() async throws {
        let file = try TenantsFile()
        try file.write([(id: "gent", dialect: .v2, port: 9)])
        let store = TenantRegistryStore(try TestTenants.registry([(id: "gent", dialect: .v2, port: 9)]))
        let reloader = TenantReloader(
            path: file.url.path, store: store, metrics: ProxyMetrics(), logger: ReloadTests.logger,
            credentialProblems: { CredentialPresence.problems(in: $0, environment: Self.environment).map(\.description) })
        #expect(await reloader.reload(trigger: .admin) == .reloaded(tenants: 1))

        try file.write([(id: "gent", dialect: .v2, port: 9), (id: "aalst", dialect: .v2, port: 10)])
        let outcome = await reloader.reload(trigger: .file)
        guard case .rejected(let problems) = outcome else {
            Issue.record("reloaded without Aalst's key: \(outcome)")
            return
        }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("tenant 'aalst', field 'backend.credentials'") == true, "\(problems)")
        #expect(problems.first?.contains("OCMW_AALST_API_KEY is not set") == true, "\(problems)")
        #expect(store.snapshot.tenants.map(\.id.rawValue) == ["gent"], "the configuration in force stays")
        #expect(reloader.status.lastProblems == problems)
    }

    @Test func onboardingAndSuspendedTenantsMayLackTheirCredential() throws {
        let document = TenantsDocument(tenants: [
            TestTenants.entry(id: "gent", dialect: .v2, port: 9, index: 0),
            TestTenants.entry(id: "aalst", dialect: .v2, port: 10, index: 1, state: .onboarding),
            TestTenants.entry(id: "lier", dialect: .v2, port: 11, index: 2, state: .suspended),
        ])
        let registry = try TenantRegistry(jsonData: JSONEncoder().encode(document))
        #expect(CredentialPresence.problems(in: registry, environment: Self.environment).isEmpty)
        #expect(CredentialPresence.problems(in: registry, environment: { _ in nil }).map(\.tenant) == ["gent"])
    }

    @Test func curlsPerHostConnectionCapFollowsAReload() async throws {
        let file = try TenantsFile()
        let gent = (id: "gent", dialect: Dialect.v2, port: 9)
        try file.write([gent])
        let store = TenantRegistryStore(try TestTenants.registry([gent]))
        let reloader = TenantReloader(path: file.url.path, store: store, metrics: ProxyMetrics(), logger: ReloadTests.logger)
        let security = try await TestSecurity()
        try await withCurlClient(configuration: .init(maxConnectionsPerHost: 64)) { client in
            _ = ProxyApplication(
                configuration: testConfiguration(), registry: store, client: client, routingIndex: InMemoryRoutingIndex(),
                reloader: reloader, security: security.security, audit: security.audit, outbox: try TestSecurity.outbox(),
                logger: ReloadTests.logger)
            let document = TenantsDocument(tenants: [
                TestTenants.entry(id: "gent", dialect: .v2, port: 9, index: 0, limits: .init(maxConnections: 7)),
                TestTenants.entry(id: "aalst", dialect: .v2, port: 10, index: 1, limits: .init(maxConnections: 5)),
            ])
            try JSONEncoder().encode(document).write(to: file.url, options: .atomic)
            #expect(await reloader.reload(trigger: .admin) == .reloaded(tenants: 2))
            // The loop applies the new cap at its next turn.
            try await DeliveryEndToEndTests.eventually { client.maxConnectionsPerHost == 7 }
            #expect(client.maxConnectionsPerHost == 7)
        }
    }
}
