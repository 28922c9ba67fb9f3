import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// A sick Bonheiden never costs Gent: in every fault mode, while Bonheiden is loaded beyond its
/// bulkhead, every Gent answer is complete and `ok` — nothing Gent needed waited on Bonheiden's
/// slots, its breaker or its timeouts — and Bonheiden really was sick and really was capped.
/// Gent's limits are patient (the machine's speed is not judged here); how fast Gent stays is
/// measured by `scripts/bench-isolation`, not asserted: wall-clock bounds in a test only measure
/// how busy the machine is.
@Suite struct IsolationTests {
    static let bonheidenMaxInFlight = 8

    /// How Bonheiden is sick, and whether its own answers may still be `ok` in that mode.
    /// `refused` points Bonheiden at a port where nothing listens.
    static let modes: [(String, Fault?)] = [
        ("hang", Fault(mode: .hang)),
        ("slow", Fault(latencyMs: 800)),
        ("5xx storm", Fault(errorRate: 1)),
        ("connection reset", Fault(mode: .reset)),
        ("garbage", Fault(mode: .garbage)),
        ("trickle", Fault(mode: .trickle, trickleBytesPerSecond: 200)),
        ("another citizen's records", Fault(mode: .otherCitizen)),
        ("connection refused", nil),
    ]

    @Test(arguments: modes)
    func gentStaysHealthyWhileBonheidenIsSick(mode: String, fault: Fault?) async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let bonheidenID = TenantID("bonheiden")!
            let bonheidenPort = fault == nil ? 1 : ports[bonheidenID] ?? 0
            if let fault { simulator.setFault(fault, for: bonheidenID) }
            // Gent: patient limits with room for its 24 concurrent calls. Bonheiden: short
            // timeouts (a 1.5 s trickle or hang times out on any machine) and fewer slots than its
            // load, with the built-in 100 ms queue wait, so it sheds.
            let registry = try TenantRegistry(
                validating: TenantsDocument(tenants: [
                    TestTenants.entry(id: "gent", dialect: .v2, port: ports[TenantID("gent")!] ?? 0, index: 0),
                    TestTenants.entry(
                        id: "bonheiden", dialect: .v1, port: bonheidenPort, index: 1,
                        limits: .init(
                            connectTimeoutMs: 300, totalTimeoutMs: 1_500,
                            maxInFlight: Self.bonheidenMaxInFlight, queueSize: 16, queueTimeoutMs: 100)),
                ]))
            let index = InMemoryRoutingIndex()
            await index.register(try Self.registration(DemoCitizens.wireframeINSZ, "gent"))
            await index.register(try Self.registration(DemoCitizens.twoOCMWINSZ, "bonheiden"))
            try await withProxy(registry: registry, index: index) { client in
                // The test client has one connection; concurrent calls need a real pool: curl's.
                let port = try #require(client.port)
                try await withCurlClient { curl in
                    func debts(_ insz: String) async throws -> DebtsAnswer {
                        let response = try await curl.execute(
                            BackendRequest(
                                url: "http://127.0.0.1:\(port)/v1/citizens/\(insz)/debts",
                                headers: [HTTPHeader("Authorization", "Bearer \(client.token)")], totalTimeoutMs: 120_000))
                        #expect(response.status == 200)
                        return try JSONDecoder().decode(DebtsAnswer.self, from: Data(response.body))
                    }
                    let answers = try await withThrowingTaskGroup(of: (gent: Bool, DebtsAnswer).self) { group in
                        // Load on Bonheiden: more concurrent calls than its bulkhead admits.
                        for _ in 0..<16 { group.addTask { (false, try await debts(DemoCitizens.twoOCMWINSZ)) } }
                        // Gent, queried meanwhile.
                        for _ in 0..<24 { group.addTask { (true, try await debts(DemoCitizens.wireframeINSZ)) } }
                        return try await group.reduce(into: [(gent: Bool, DebtsAnswer)]()) { $0.append($1) }
                    }
                    let gent = answers.filter(\.gent).map(\.1)
                    #expect(gent.count == 24)
                    for answer in gent {
                        #expect(answer.complete, "mode \(mode)")
                        #expect(answer.ocmws.map(\.status) == ["ok"], "mode \(mode)")
                    }
                    // Not a vacuous pass: Bonheiden's sickness reached its answers (a slow answer may
                    // still be `ok`), and its load never exceeded its in-flight cap at the backend.
                    let bonheiden = answers.filter { !$0.gent }.flatMap { $0.1.ocmws.map(\.status) }
                    #expect(bonheiden.count == 16, "mode \(mode)")
                    if mode != "slow" { #expect(!bonheiden.contains("ok"), "mode \(mode): \(bonheiden)") }
                    #expect(
                        simulator.statistics(for: bonheidenID).peakRequestsInFlight <= Self.bonheidenMaxInFlight,
                        "mode \(mode)")
                }
            }
        }
    }

    @Test func openBreakerAnswersCircuitOpenAtOnce() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("bonheiden")!)
            let limits = TenantsDocument.LimitsEntry(
                connectTimeoutMs: 300, totalTimeoutMs: 1_000, breakerMinimumCalls: 4,
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
                #expect(
                    simulator.statistics(for: TenantID("bonheiden")!).requestsServed == servedBefore,
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
        try RoutingRegistration(
            insz: INSZ(parsing: insz, currentYear: testCurrentYear), tenant: TenantID(tenant)!,
            capacity: "LL", start: DayDate(year: 2020, month: 1, day: 1)!, end: nil)
    }
}
