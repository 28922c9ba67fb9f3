import BackendAccess
import OCMWCore
import ProxyTesting
import Synchronization
import Testing

/// The breaker and bulkhead of a tenant follow the registry in force, not the snapshot each
/// request holds: requests from before and after a reload share one state.
@Suite struct TenantRuntimeRegistryTests {
    static func registry(gentMaxInFlight: Int, withBonheiden: Bool) throws -> TenantRegistry {
        var entries = [TestTenants.entry(id: "gent", dialect: .v2, port: 9, index: 0, limits: .init(maxInFlight: gentMaxInFlight))]
        if withBonheiden { entries.append(TestTenants.entry(id: "bonheiden", dialect: .v1, port: 9, index: 1)) }
        return try TenantRegistry(validating: TenantsDocument(tenants: entries))
    }

    @Test func requestsFromBeforeAndAfterAReloadShareTheCurrentState() throws {
        let before = try Self.registry(gentMaxInFlight: 64, withBonheiden: true)
        let after = try Self.registry(gentMaxInFlight: 8, withBonheiden: false)
        let inForce = Mutex(before)
        let runtimes = TenantRuntimeRegistry(current: { inForce.withLock { $0 } })
        let gent = TenantID("gent")!, bonheiden = TenantID("bonheiden")!
        let first = runtimes.resilience(for: try #require(before.tenant(gent)))
        _ = runtimes.resilience(for: try #require(before.tenant(bonheiden)))
        #expect(runtimes.count == 2)

        inForce.withLock { $0 = after }
        let fromNewSnapshot = runtimes.resilience(for: try #require(after.tenant(gent)))
        #expect(fromNewSnapshot !== first, "the tightened limits start afresh, once")
        #expect(fromNewSnapshot.limits.maxInFlight == 8)
        // A request still holding the old snapshot gets the same state, not a fresh one of its own.
        for _ in 0..<3 {
            #expect(runtimes.resilience(for: try #require(before.tenant(gent))) === fromNewSnapshot)
            #expect(runtimes.resilience(for: try #require(after.tenant(gent))) === fromNewSnapshot)
        }
        #expect(runtimes.count == 1, "the removed tenant is forgotten")
    }
}
