import StoreConformance
import Testing

/// The outbox compatibility suite (`OutboxStoreConformance`) against the SQLite stores.
@Suite("Outbox store compatibility (SQLite)")
struct StoreCompatibilityTests {
    @Test("Every store passes", arguments: StoreKind.allCases, OutboxStoreConformance.checks)
    func conformance(kind: StoreKind, check: StoreCheck<OutboxStoreFactory>) async throws {
        try await kind.withFactory { factory in try await check.run(factory) }
    }

    @Test("Durable stores keep their rows across restarts", arguments: StoreKind.durable, OutboxStoreConformance.restartChecks)
    func restarts(kind: StoreKind, check: StoreCheck<OutboxStoreFactory>) async throws {
        try await kind.withFactory { factory in try await check.run(factory) }
    }
}
