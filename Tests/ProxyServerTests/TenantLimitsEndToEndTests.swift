import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// A tenant's limits hold at its backend, counted where it matters: by the simulated New Social,
/// which sees every call the proxy makes.
@Suite struct TenantLimitsEndToEndTests {
    static let bonheiden = TenantID("bonheiden")!

    /// Runs a live proxy whose Bonheiden has `limits`, with the two-OCMW citizen routed there only.
    func withBonheiden(
        _ limits: TenantsDocument.LimitsEntry,
        _ body: @Sendable (AuthorizedClient, NewSocialSimulator) async throws -> Void
    ) async throws {
        try await withSimulator([("bonheiden", .v1)]) { simulator, ports in
            let registry = try TenantRegistry(
                validating: TenantsDocument(tenants: [
                    TestTenants.entry(id: "bonheiden", dialect: .v1, port: ports[Self.bonheiden] ?? 0, limits: limits)
                ]))
            let index = InMemoryRoutingIndex()
            await index.register(try IsolationTests.registration(DemoCitizens.twoOCMWINSZ, "bonheiden"))
            try await withProxy(registry: registry, index: index) { client in try await body(client, simulator) }
        }
    }

    @Test func concurrentCallsTowardABackendNeverExceedItsMaxInFlight() async throws {
        try await withBonheiden(.init(maxInFlight: 3)) { client, simulator in
            // Each call holds its slot for a second at the backend, so the twelve queue for three slots.
            simulator.setFault(Fault(latencyMs: 1_000), for: Self.bonheiden)
            let port = try #require(client.port)
            let statuses = try await withCurlClient { curl in
                try await withThrowingTaskGroup(of: [String].self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            let response = try await curl.execute(
                                BackendRequest(
                                    url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts",
                                    headers: [HTTPHeader("Authorization", "Bearer \(client.token)")], totalTimeoutMs: 120_000))
                            return try JSONDecoder().decode(DebtsAnswer.self, from: Data(response.body)).ocmws.map(\.status)
                        }
                    }
                    return try await group.reduce(into: [String]()) { $0 += $1 }
                }
            }
            #expect(statuses == Array(repeating: "ok", count: 12), "the queue is patient: every call is served in turn")
            let statistics = simulator.statistics(for: Self.bonheiden)
            #expect(statistics.requestsServed == 12)
            #expect(statistics.peakRequestsInFlight <= 3, "the bulkhead caps calls in flight at the backend")
            #expect(statistics.peakRequestsInFlight >= 2, "the calls did overlap: the cap was put to the test")
        }
    }

    @Test func callsBeyondTheRateLimitAreRefusedWithoutReachingTheBackend() async throws {
        // One call per five seconds after a burst of two.
        let ratePerSecond = 0.2, burst = 2, calls = 10
        try await withBonheiden(.init(rateLimitPerSecond: ratePerSecond, rateLimitBurst: burst)) { client, simulator in
            let started = ContinuousClock.now
            var statuses: [String] = []
            for _ in 0..<calls { statuses += try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.map(\.status) }
            let elapsed = started.duration(to: ContinuousClock.now)
            // The bucket's contract, whatever the machine's speed: the burst, plus what refilled
            // meanwhile (a slower machine only allows more).
            let allowed = burst + Int(ratePerSecond * Double(elapsed.components.seconds + 1))
            let served = simulator.statistics(for: Self.bonheiden).requestsServed
            #expect(served >= burst)
            #expect(served <= allowed)
            #expect(statuses.count(where: { $0 == "ok" }) == served)
            #expect(statuses.count(where: { $0 == "unavailable" }) == calls - served, "\(statuses)")
        }
    }
}
