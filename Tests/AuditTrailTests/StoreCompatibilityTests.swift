import AuditTrail
import Foundation
import StoreConformance
import Testing

/// What every `AuditStore` must do (`AuditStoreConformance`), run against each local
/// implementation; `PostgresStoresTests` runs the same checks against PostgreSQL.
@Suite("Audit store compatibility")
struct StoreCompatibilityTests {
    @Test("Records come back by period, half-open, oldest first, unchanged", arguments: StoreKind.allCases)
    func appendAndQuery(kind: StoreKind) async throws {
        try await kind.withStore(AuditStoreConformance.appendAndQuery)
    }

    @Test("Batches cover the period exactly once, in order, also across equal times", arguments: StoreKind.allCases)
    func batches(kind: StoreKind) async throws {
        try await kind.withStore(AuditStoreConformance.batches)
    }

    @Test("Retention removes exactly the records before the cutoff", arguments: StoreKind.allCases)
    func retention(kind: StoreKind) async throws {
        try await kind.withStore(AuditStoreConformance.retention)
    }

    @Test("1000 concurrent appends all land", arguments: StoreKind.allCases)
    func concurrentAppends(kind: StoreKind) async throws {
        try await kind.withStore(AuditStoreConformance.concurrentAppends)
    }
}
