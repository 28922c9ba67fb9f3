import GRDB

extension SQLiteRoutingIndex {
    /// The database's journal mode (`wal` for a file index), for health checks.
    /// - Throws: `DatabaseError` when the database cannot be read.
    public func journalMode() async throws -> String {
        try await reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// SQLite's plan for a lookup, one line per step: shows whether the primary key is used.
    func lookupQueryPlan() async throws -> [String] {
        try await reader.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + RoutingSchema.coveringSQL,
                arguments: ["85073003328", "2025-01-01", "2025-01-01"]
            )
            .map { row in row["detail"] ?? "" }
        }
    }
}
