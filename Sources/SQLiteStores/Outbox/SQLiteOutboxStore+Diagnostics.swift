import Foundation
import GRDB
import Outbox

extension SQLiteOutboxStore: OutboxStoreDiagnostics {
    public func storedRow(id: UUID) async throws -> StoredRowFacts? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT key_id, citizen IS NOT NULL, payload IS NOT NULL FROM outbox_submission WHERE id = ?
                    """, arguments: [OutboxSchema.text(id)]
            ).map { row in
                StoredRowFacts(
                    keyID: try row.decode(atIndex: 0), hasCitizen: try row.decode(atIndex: 1),
                    hasPayload: try row.decode(atIndex: 2))
            }
        }
    }

    /// The database's journal mode (`wal` for a file store), for health checks.
    /// - Throws: `DatabaseError` when the database cannot be read.
    public func journalMode() async throws -> String {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// `PRAGMA synchronous` of a reading and of the writing connection (2 = FULL).
    func synchronousSettings() async throws -> (reader: Int, writer: Int) {
        let reader = try await writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
        let writing = try await writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
        return (reader, writing)
    }

    /// Rewrites a row's key id, so tests can make a row name a key no ring holds.
    func overwriteKeyID(id: UUID, with keyID: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox_submission SET key_id = ? WHERE id = ?",
                arguments: [keyID, OutboxSchema.text(id)])
        }
    }
}
