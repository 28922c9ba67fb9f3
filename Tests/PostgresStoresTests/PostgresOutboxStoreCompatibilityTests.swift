import Outbox
import PostgresStores
import PostgresTesting
import StoreConformance
import Testing

/// The outbox compatibility suite (`OutboxStoreConformance`) against PostgreSQL. Each check gets
/// a fresh schema; every store it opens is a new `PostgresOutboxStore` (a restarting instance)
/// on the same client.
@Suite(
    "Outbox store compatibility (PostgreSQL)",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresOutboxStoreCompatibilityTests {
    @Test("Every check passes", arguments: OutboxStoreConformance.checks + OutboxStoreConformance.restartChecks)
    func conformance(check: StoreCheck<OutboxStoreFactory>) async throws {
        try await PostgresTestDatabase.withClients { clients in
            try await check.run(
                OutboxStoreFactory { ring in
                    try await PostgresOutboxStore(client: clients[0], keyRing: ring, logger: PostgresTestDatabase.logger)
                })
        }
    }
}
