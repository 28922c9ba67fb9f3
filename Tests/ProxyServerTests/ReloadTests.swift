import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import Observability
import ProxyServer
import ProxyTesting
import Synchronization
import TenantReload
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
            try await withProxy(
                registry: try TestTenants.registry([gent]), discovery: testDiscovery,
                reloader: holder.make(path: file.url.path)
            ) { client in
                #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.map(\.ocmw.id) == ["gent"])
                try file.write([gent, bonheiden])
                #expect(await holder.reloader?.reload(trigger: .admin) == .reloaded(tenants: 2))
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
            try await withProxy(
                registry: try TestTenants.registry([gent]),
                reloader: holder.make(path: file.url.path)
            ) { client in
                try file.write(raw: #"{"tenants": [{"id": "gent", "kbo": "0212.214.126"}]}"#)
                guard case .rejected(let problems) = await holder.reloader?.reload(trigger: .admin) else {
                    Issue.record("an invalid file was accepted")
                    return
                }
                #expect(!problems.isEmpty)
                #expect(holder.reloader?.status.lastResult == .rejected)
                #expect(holder.reloader?.status.rejected == 1)
                let answer = try await client.json("/v1/ocmws")
                #expect((answer["ocmws"] as? [[String: Any]])?.count == 1, "the old snapshot still serves")
            }
        }
    }

    /// Thirty reloads, each started once a Gent call is in flight at Gent, so that reloads land in
    /// the middle of requests: no Gent request fails. That requests and reloads did overlap is
    /// checked with a logical clock (ticks taken before and after each), not with wall time.
    @Test func reloadsDuringTrafficFailNoGentRequest() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let gentID = TenantID("gent")!
            let gent = (id: "gent", dialect: Dialect.v2, port: ports[gentID] ?? 0)
            let bonheiden = (id: "bonheiden", dialect: Dialect.v1, port: ports[TenantID("bonheiden")!] ?? 0)
            // Each Gent call stays in flight at Gent for a while, so a reload can land inside it.
            simulator.setFault(Fault(latencyMs: 100), for: gentID)
            let file = try TenantsFile()
            try file.write([gent, bonheiden])
            let index = InMemoryRoutingIndex()
            await index.register(try IsolationTests.registration(DemoCitizens.wireframeINSZ, "gent"))
            let holder = ReloaderHolder()
            let clock = LogicalClock()
            try await withProxy(
                registry: try TestTenants.registry([gent, bonheiden]), index: index,
                reloader: holder.make(path: file.url.path)
            ) { client in
                let (reloads, requests) = try await withThrowingTaskGroup(of: (reloads: Bool, Spans).self) { group in
                    group.addTask {
                        var reloads = Spans()
                        for round in 0..<30 {
                            try await DeliveryEndToEndTests.eventually { simulator.statistics(for: gentID).requestsInFlight > 0 }
                            let start = clock.tick()
                            try file.write(round.isMultiple(of: 2) ? [gent] : [gent, bonheiden])
                            _ = await holder.reloader?.reload(trigger: .admin)
                            reloads.append(start, clock.tick(), ok: true)
                        }
                        clock.stop()
                        return (true, reloads)
                    }
                    for _ in 0..<4 {
                        group.addTask {
                            var requests = Spans()
                            while !clock.isStopped {
                                let start = clock.tick()
                                let answer = try await client.debts(DemoCitizens.wireframeINSZ)
                                requests.append(start, clock.tick(), ok: answer.complete && answer.ocmws.map(\.ocmw.id) == ["gent"])
                            }
                            return (false, requests)
                        }
                    }
                    var reloads = Spans(), requests = Spans()
                    for try await (isReloads, spans) in group {
                        if isReloads { reloads = spans } else { requests.items += spans.items }
                    }
                    return (reloads, requests)
                }
                let failed = requests.items.filter { !$0.ok }
                #expect(failed.isEmpty, "\(failed.count) of \(requests.items.count) Gent requests failed")
                #expect(!requests.items.isEmpty)
                let overlapped = reloads.items.filter { reload in
                    requests.items.contains { $0.start < reload.end && $0.end > reload.start }
                }
                #expect(reloads.items.count == 30)
                #expect(!overlapped.isEmpty, "reloads happened while Gent requests were under way")
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
                configuration: testConfiguration(), registry: store, client: .init(logger: Self.logger),
                routingIndex: InMemoryRoutingIndex(), metrics: metrics,
                reloader: TenantReloader(path: file.url.path, store: store, metrics: metrics, logger: Self.logger),
                security: security.security, audit: security.audit, outbox: try TestSecurity.outbox(), logger: Self.logger)
            let app = Application(router: proxy.makeAdminRouter())
            try await app.test(.router) { client in
                let unauthorized = try await client.execute(uri: "/admin/tenants", method: .get)
                #expect(unauthorized.status == .unauthorized)
                let wrong = try await client.execute(
                    uri: "/admin/tenants", method: .get,
                    headers: [.authorization: "Bearer \(try await security.token())"])
                #expect(wrong.status == .unauthorized, "a caller token is not the admin credential")
                let admin: HTTPFields = [.authorization: "Bearer \(security.adminToken)"]
                let before = try await client.execute(uri: "/admin/tenants", method: .get, headers: admin)
                let hash = try #require(
                    String(buffer: before.body).firstMatch(of: /"configurationHash":"(sha256:[0-9a-f]{64})"/)?.output.1)
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
                // A rejected file changes nothing in force, so nothing in its hash either.
                #expect(String(buffer: tenants.body).contains(#""configurationHash":"\#(hash)""#))
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

/// A counter whose ticks order events across tasks (each tick is later than every tick before it).
final class LogicalClock: Sendable {
    private let value = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    func tick() -> Int { value.add(1, ordering: .sequentiallyConsistent).newValue }
    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }
    var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }
}

/// Events, each between two ticks of a `LogicalClock`.
struct Spans: Sendable {
    struct Span: Sendable {
        let start: Int
        let end: Int
        let ok: Bool
    }
    var items: [Span] = []

    mutating func append(_ start: Int, _ end: Int, ok: Bool) { items.append(Span(start: start, end: end, ok: ok)) }
}
