import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// Live configuration: tenants.json reloaded without restart, validated whole, atomically.
@Suite struct ReloadTests {
    /// A tenants file in a temporary directory, rewritten by the test.
    final class TenantsFile: Sendable {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("tenants-\(UUID().uuidString).json")
        }

        func write(_ backends: [(id: String, dialect: Dialect, port: Int)]) throws {
            let entries = backends.enumerated().map { index, backend in
                TestTenants.entry(id: backend.id, dialect: backend.dialect, port: backend.port, index: index)
            }
            let encoder = JSONEncoder()
            try encoder.encode(TenantsDocument(tenants: entries)).write(to: url, options: .atomic)
        }

        func write(raw text: String) throws {
            try Data(text.utf8).write(to: url, options: .atomic)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let logger = Logger(label: "reload", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func addedOCMWIsServedAfterReloadWithoutRestart() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { _, ports in
            let gent = (id: "gent", dialect: Dialect.v2, port: ports[TenantID("gent")!] ?? 0)
            let bonheiden = (id: "bonheiden", dialect: Dialect.v1, port: ports[TenantID("bonheiden")!] ?? 0)
            let file = try TenantsFile()
            try file.write([gent])
            let holder = ReloaderHolder()
            try await withProxy(registry: try TestTenants.registry([gent]), discovery: .init(),
                                reloader: holder.make(path: file.url.path)) { client in
                #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.map(\.ocmw.id) == ["gent"])
                try file.write([gent, bonheiden])
                #expect(await holder.reloader?.reload(trigger: "test") == .reloaded(tenants: 2))
                // Bonheiden was never asked before: discovery now includes it.
                #expect(try await client.debts(DemoCitizens.unknownINSZ).ocmws.isEmpty)
                let answer = try await client.json("/v1/ocmws")
                #expect((answer["ocmws"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gent", "bonheiden"])
            }
        }
    }

    @Test func invalidFileKeepsTheLastGoodSnapshot() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            let gent = (id: "gent", dialect: Dialect.v2, port: ports[TenantID("gent")!] ?? 0)
            let file = try TenantsFile()
            try file.write([gent])
            let holder = ReloaderHolder()
            try await withProxy(registry: try TestTenants.registry([gent]),
                                reloader: holder.make(path: file.url.path)) { client in
                try file.write(raw: #"{"tenants": [{"id": "gent", "kbo": "0212.214.126"}]}"#)
                guard case .rejected(let problems) = await holder.reloader?.reload(trigger: "test") else {
                    Issue.record("an invalid file was accepted")
                    return
                }
                #expect(!problems.isEmpty)
                #expect(holder.reloader?.status.lastResult == "rejected")
                #expect(holder.reloader?.status.rejected == 1)
                let answer = try await client.json("/v1/ocmws")
                #expect((answer["ocmws"] as? [[String: Any]])?.count == 1, "the old snapshot still serves")
            }
        }
    }

    @Test func reloadsDuringTrafficFailNoGentRequest() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { _, ports in
            let gent = (id: "gent", dialect: Dialect.v2, port: ports[TenantID("gent")!] ?? 0)
            let bonheiden = (id: "bonheiden", dialect: Dialect.v1, port: ports[TenantID("bonheiden")!] ?? 0)
            let file = try TenantsFile()
            try file.write([gent, bonheiden])
            let index = InMemoryRoutingIndex()
            await index.register(try IsolationTests.registration(DemoCitizens.wireframeINSZ, "gent"))
            let holder = ReloaderHolder()
            try await withProxy(registry: try TestTenants.registry([gent, bonheiden]), index: index,
                                reloader: holder.make(path: file.url.path)) { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    group.addTask {
                        for round in 0..<30 {
                            try file.write(round.isMultiple(of: 2) ? [gent] : [gent, bonheiden])
                            _ = await holder.reloader?.reload(trigger: "test")
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        return 0
                    }
                    for _ in 0..<4 {
                        group.addTask {
                            var failures = 0
                            for _ in 0..<40 {
                                let answer = try await client.debts(DemoCitizens.wireframeINSZ)
                                if !answer.complete || answer.ocmws.map(\.ocmw.id) != ["gent"] { failures += 1 }
                            }
                            return failures
                        }
                    }
                    let failures = try await group.reduce(0, +)
                    #expect(failures == 0)
                }
                #expect(holder.reloader?.status.reloads == 30)
            }
        }
    }

    @Test func adminReloadEndpointReportsTheOutcome() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            let gent = (id: "gent", dialect: Dialect.v2, port: ports[TenantID("gent")!] ?? 0)
            let file = try TenantsFile()
            try file.write([gent])
            let security = try await TestSecurity()
            let store = TenantRegistryStore(try TestTenants.registry([gent]))
            let metrics = ProxyMetrics()
            let proxy = ProxyApplication(
                configuration: .init(port: 0, today: { testToday }), registry: store, client: .init(logger: Self.logger),
                routingIndex: InMemoryRoutingIndex(), metrics: metrics,
                reloader: TenantReloader(path: file.url.path, store: store, metrics: metrics, logger: Self.logger),
                security: security.security, audit: security.audit, outbox: try TestSecurity.outbox(), logger: Self.logger)
            let app = Application(router: proxy.makeAdminRouter())
            try await app.test(.router) { client in
                let unauthorized = try await client.execute(uri: "/admin/tenants", method: .get)
                #expect(unauthorized.status == .unauthorized)
                let wrong = try await client.execute(uri: "/admin/tenants", method: .get,
                                                     headers: [.authorization: "Bearer \(try await security.token())"])
                #expect(wrong.status == .unauthorized, "a caller token is not the admin credential")
                let admin: HTTPFields = [.authorization: "Bearer \(security.adminToken)"]
                let ok = try await client.execute(uri: "/admin/tenants/reload", method: .post, headers: admin)
                #expect(ok.status == .ok)
                // The proxy reports what the reload cost, and that the unchanged tenant was taken over.
                #expect(String(buffer: ok.body).contains(#""durationMs":"#))
                #expect(String(buffer: ok.body).contains(#""reusedTenants":1"#))
                try file.write(raw: "{")
                let rejected = try await client.execute(uri: "/admin/tenants/reload", method: .post, headers: admin)
                #expect(rejected.status == .unprocessableContent)
                #expect(String(buffer: rejected.body).contains("rejected"))
                let tenants = try await client.execute(uri: "/admin/tenants", method: .get, headers: admin)
                #expect(String(buffer: tenants.body).contains(#""lastResult":"rejected""#))
                let exposition = try await client.execute(uri: "/metrics", method: .get, headers: admin)
                #expect(String(buffer: exposition.body).contains(#"ocmw_tenant_reloads_total{result="rejected"} 1"#))
                #expect(String(buffer: exposition.body).contains("ocmw_tenant_reload_duration_seconds"))
            }
        }
    }
}

/// Lets a test reach the reloader the proxy was built with.
final class ReloaderHolder: @unchecked Sendable {
    // Written once, in `make`'s closure, before any test code reads it.
    private(set) var reloader: TenantReloader?

    func make(path: String) -> (TenantRegistryStore, ProxyMetrics) -> TenantReloader {
        { store, metrics in
            let made = TenantReloader(path: path, store: store, metrics: metrics, logger: ReloadTests.logger)
            self.reloader = made
            return made
        }
    }
}
