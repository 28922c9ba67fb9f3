import OCMWCore
import PostgresStores
import PostgresTesting
import StoreConformance
import Testing

/// The routing index compatibility suite (`RoutingStoreConformance`) against PostgreSQL, a fresh
/// schema per check.
@Suite(
    "Routing index store compatibility (PostgreSQL)",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresRoutingIndexCompatibilityTests {
    @Test("Every check passes", arguments: RoutingStoreConformance.checks)
    func conformance(check: StoreCheck<any RoutingIndexStore>) async throws {
        try await PostgresTestDatabase.withClients { clients in
            try await check.run(PostgresRoutingIndex(client: clients[0], logger: PostgresTestDatabase.logger))
        }
    }
}
