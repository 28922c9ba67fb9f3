import OCMWCore
import StoreConformance
import Testing

/// The routing index compatibility suite (`RoutingStoreConformance`) against the in-memory and
/// SQLite stores.
@Suite("Routing index store compatibility (in memory, SQLite)")
struct StoreCompatibilityTests {
    @Test("Every store passes", arguments: StoreKind.allCases, RoutingStoreConformance.checks)
    func conformance(kind: StoreKind, check: StoreCheck<any RoutingIndexStore>) async throws {
        try await kind.withStore { store in try await check.run(store) }
    }
}
