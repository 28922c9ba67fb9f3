import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// A sick Bonheiden never costs Gent: in every fault mode, while Bonheiden is loaded, every Gent
/// answer is complete and `ok` — so each Gent call ended within Gent's own timeout (else its
/// status would be `timeout`), and nothing Gent needed waited on Bonheiden's slots. How fast Gent
/// stays is measured by `scripts/bench-isolation`, not asserted here: wall-clock bounds in a test
/// only measure how busy the machine is.
@Suite struct IsolationTests {
    static let gentTimeoutMs = 1_500

    /// How Bonheiden is sick. `refused` points Bonheiden at a port where nothing listens.
    static let modes: [(String, Fault?)] = [
        ("hang", Fault(mode: .hang)),
        ("slow", Fault(latencyMs: 800)),
        ("5xx storm", Fault(errorRate: 1)),
        ("connection reset", Fault(mode: .reset)),
        ("garbage", Fault(mode: .garbage)),
        ("trickle", Fault(mode: .trickle, trickleBytesPerSecond: 200)),
        ("connection refused", nil),
    ]

    @Test(arguments: modes)
    func gentStaysHealthyWhileBonheidenIsSick(mode: String, fault: Fault?) async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let bonheidenPort = fault == nil ? 1 : ports[TenantID("bonheiden")!] ?? 0
            if let fault { simulator.setFault(fault, for: TenantID("bonheiden")!) }
            // Gent has room for its own 24 concurrent calls; Bonheiden gets fewer slots than its load.
            let registry = try TenantRegistry(validating: TenantsDocument(tenants: [
                TestTenants.entry(id: "gent", dialect: .v2, port: ports[TenantID("gent")!] ?? 0, index: 0,
                                  limits: .init(connectTimeoutMs: 300, totalTimeoutMs: Self.gentTimeoutMs, maxInFlight: 64)),
                TestTenants.entry(id: "bonheiden", dialect: .v1, port: bonheidenPort, index: 1,
                                  limits: .init(connectTimeoutMs: 300, totalTimeoutMs: Self.gentTimeoutMs, maxInFlight: 8)),
            ]))
            let index = InMemoryRoutingIndex()
            await index.register(try Self.registration(DemoCitizens.wireframeINSZ, "gent"))
            await index.register(try Self.registration(DemoCitizens.twoOCMWINSZ, "bonheiden"))
            try await withProxy(registry: registry, index: index) { client in
              // The test client has one connection; concurrent calls need a real pool: curl's.
              let port = try #require(client.port)
              try await withCurlClient { curl in
                let gentDurations = try await withThrowingTaskGroup(of: Duration?.self) { group in
                    // Load on Bonheiden: more concurrent calls than its bulkhead admits.
                    for _ in 0..<16 {
                        group.addTask {
                            _ = try await curl.execute(BackendRequest(
                                url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier",
                                headers: [HTTPHeader("Authorization", "Bearer \(client.token)")],
                                totalTimeoutMs: 30_000))
                            return nil
                        }
                    }
                    // Gent, queried meanwhile.
                    for _ in 0..<24 {
                        group.addTask {
                            let start = ContinuousClock.now
                            let response = try await curl.execute(BackendRequest(
                                url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts",
                                headers: [HTTPHeader("Authorization", "Bearer \(client.token)")],
                                totalTimeoutMs: 30_000))
                            #expect(response.status == 200)
                            let answer = try JSONDecoder().decode(DebtsAnswer.self, from: Data(response.body))
                            #expect(answer.complete, "mode \(mode)")
                            #expect(answer.ocmws.map(\.status) == ["ok"], "mode \(mode)")
                            return start.duration(to: .now)
                        }
                    }
                    return try await group.reduce(into: [Duration]()) { if let d = $1 { $0.append(d) } }
                }
                #expect(gentDurations.count == 24)
              }
            }
        }
    }

    @Test func openBreakerAnswersCircuitOpenAtOnce() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("bonheiden")!)
            let limits = TenantsDocument.LimitsEntry(connectTimeoutMs: 300, totalTimeoutMs: 1_000, breakerMinimumCalls: 4,
                                                     retryMaxAttempts: 1)
            let registry = try TestTenants.registry(
                [("gent", .v2, ports[TenantID("gent")!] ?? 0), ("bonheiden", .v1, ports[TenantID("bonheiden")!] ?? 0)],
                limits: limits)
            let index = InMemoryRoutingIndex()
            await index.register(try Self.registration(DemoCitizens.twoOCMWINSZ, "bonheiden"))
            try await withProxy(registry: registry, index: index) { client in
                for _ in 0..<4 {
                    #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.first?.status == "unavailable")
                }
                let servedBefore = simulator.statistics(for: TenantID("bonheiden")!).requestsServed
                let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
                #expect(answer.ocmws.first?.status == "circuitOpen")
                #expect(simulator.statistics(for: TenantID("bonheiden")!).requestsServed == servedBefore,
                        "an open breaker does not call the backend")
            }
        }
    }

    @Test func fiveHundredsAreRetriedWithinTheBudget() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("bonheiden")!)
            let registry = try TestTenants.registry(
                [("gent", .v2, ports[TenantID("gent")!] ?? 0), ("bonheiden", .v1, ports[TenantID("bonheiden")!] ?? 0)],
                limits: .init(retryMaxAttempts: 2))
            let index = InMemoryRoutingIndex()
            await index.register(try Self.registration(DemoCitizens.twoOCMWINSZ, "bonheiden"))
            try await withProxy(registry: registry, index: index) { client in
                _ = try await client.debts(DemoCitizens.twoOCMWINSZ)
                #expect(simulator.statistics(for: TenantID("bonheiden")!).requestsServed == 2, "one call, one retry")
            }
        }
    }

    static func registration(_ insz: String, _ tenant: String) throws -> RoutingRegistration {
        try RoutingRegistration(insz: INSZ(parsing: insz, currentYear: 2026), tenant: TenantID(tenant)!,
                                capacity: "LL", start: DayDate(year: 2020, month: 1, day: 1)!, end: nil)
    }
}
