import AuditTrail
import Foundation
import PostgresNIO
import PostgresStores
import PostgresTesting
import Testing

/// What only the PostgreSQL audit store has to show: the database itself keeps the trail
/// append-only, and the migration can run again (another instance starting).
@Suite(
    "PostgreSQL audit store",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresAuditStoreTests {
    static let base = Date(timeIntervalSince1970: 1_794_744_000)

    static func record(_ offset: TimeInterval) -> AuditRecord {
        AuditRecord(
            time: base.addingTimeInterval(offset), clientID: "c", citizen: nil, tenants: [], parts: [],
            action: .read, outcome: .ok, httpStatus: 200, requestID: "r\(offset)")
    }

    @Test(
        "The database refuses UPDATE, TRUNCATE, and DELETE outside retention",
        arguments: [
            "UPDATE audit_record SET time_us = 0",
            "TRUNCATE audit_record",
            "DELETE FROM audit_record",
            "DELETE FROM audit_record WHERE client_id = 'c'",
            "UPDATE audit_retention SET cutoff_us = -1",
            "DELETE FROM audit_retention",
            "TRUNCATE audit_retention",
            "INSERT INTO audit_retention (only_row, cutoff_us) VALUES (FALSE, 0)",
        ])
    func tamperingRefused(sql: String) async throws {
        try await PostgresTestDatabase.withClients { clients in
            let store = try await PostgresAuditStore(client: clients[0], logger: PostgresTestDatabase.logger)
            try await store.append(contentsOf: [Self.record(0), Self.record(1)])
            // Moves the cutoff forward first, so lowering it is a change the trigger must refuse.
            try await store.deleteOlder(than: Self.base.addingTimeInterval(-86_400))
            await #expect(throws: (any Error).self) {
                try await clients[0].query(PostgresQuery(unsafeSQL: sql), logger: PostgresTestDatabase.logger)
            }
            #expect(try await store.count() == 2)
        }
    }

    @Test("The migration runs again, also concurrently, and keeps the records")
    func migrationIsIdempotent() async throws {
        try await PostgresTestDatabase.withClients(2) { clients in
            let first = try await PostgresAuditStore(client: clients[0], logger: PostgresTestDatabase.logger)
            try await first.append(Self.record(0))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in clients + clients {
                    group.addTask { _ = try await PostgresAuditStore(client: client, logger: PostgresTestDatabase.logger) }
                }
                try await group.waitForAll()
            }
            let again = try await PostgresAuditStore(client: clients[1], logger: PostgresTestDatabase.logger)
            #expect(try await again.count() == 1)
            // The cutoff never moves back: a retention with an earlier cutoff removes nothing.
            try await again.append(Self.record(-10))
            #expect(try await again.deleteOlder(than: Self.base.addingTimeInterval(-5)) == 1)
            #expect(try await again.deleteOlder(than: Self.base.addingTimeInterval(-100)) == 0)
            #expect(try await again.count() == 1)
        }
    }

    /// Instances starting together: one applies retention while others migrate. Each retention
    /// round and each migration runs many times at once; none may fail (they deadlocked before
    /// retention took the migration lock).
    @Test("Retention and migrations of instances starting together never deadlock")
    func retentionBesideMigrations() async throws {
        try await PostgresTestDatabase.withClients(4) { clients in
            let logger = PostgresTestDatabase.logger
            let store = try await PostgresAuditStore(client: clients[0], logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<12 {
                    let client = clients[round % clients.count]
                    group.addTask { _ = try await PostgresAuditStore(client: client, logger: logger) }
                    group.addTask {
                        try await store.append(Self.record(-Double(round)))
                        _ = try await PostgresAuditStore(client: client, logger: logger)
                            .deleteOlder(than: Self.base.addingTimeInterval(-Double(round) / 2))
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
