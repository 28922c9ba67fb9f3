import AuditTrail
import GRDB

extension SQLiteAuditStore {
    /// The database's journal mode (`wal` for a file store), for health checks.
    /// - Throws: `DatabaseError` when the database cannot be read.
    public func journalMode() async throws -> String {
        try await database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The retention cutoff in force, microseconds since 1970 (`Int64.min` before any prune).
    func retentionCutoffMicroseconds() async throws -> Int64 {
        try await database.read { db in try Int64.fetchOne(db, sql: "SELECT cutoff_us FROM audit_retention") ?? .min }
    }

    /// Runs raw SQL in a write transaction: for the tests that check the triggers refuse it.
    /// - Returns: The number of rows changed.
    func executeRaw(_ sql: String) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: sql)
            return db.changesCount
        }
    }
}
