import AuditTrail
import PostgresNIO
import PostgresStores
import PostgresTesting
import StoreConformance
import Testing

/// The audit store compatibility suite (`AuditStoreConformance`) against PostgreSQL.
///
/// Skipped when `OCMW_TEST_POSTGRES_URL` is not set — the skip shows in the test output;
/// `scripts/test` starts a throwaway server and always sets it.
@Suite(
    "Audit store compatibility (PostgreSQL)",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresAuditStoreCompatibilityTests {
    @Test("Records come back by period, half-open, oldest first, unchanged")
    func appendAndQuery() async throws {
        try await withStore(AuditStoreConformance.appendAndQuery)
    }

    @Test("Batches cover the period exactly once, in order, also across equal times")
    func batches() async throws {
        try await withStore(AuditStoreConformance.batches)
    }

    @Test("Retention removes exactly the records before the cutoff")
    func retention() async throws {
        try await withStore(AuditStoreConformance.retention)
    }

    @Test("1000 concurrent appends all land")
    func concurrentAppends() async throws {
        try await withStore(AuditStoreConformance.concurrentAppends)
    }

    private func withStore(_ check: @escaping @Sendable (any AuditStore) async throws -> Void) async throws {
        try await PostgresTestDatabase.withClients { clients in
            try await check(PostgresAuditStore(client: clients[0], logger: PostgresTestDatabase.logger))
        }
    }
}
