import Foundation
import GRDB
import OCMWCore
import Outbox

/// The outbox table in SQLite (see `OutboxTable`) and the conversions between its rows and the model.
enum OutboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: outbox_submission") { db in
            for statement in OutboxTable.statements(.sqlite, ifNotExists: false) { try db.execute(sql: statement) }
            try db.execute(sql: OutboxTable.firstIdempotencyIndex)
        }
        migrator.registerMigration("v2: citizen_pseudonym") { db in
            for statement in OutboxTable.citizenPseudonymStatements(ifNotExists: false) { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3: outbox_event") { db in
            for statement in OutboxTable.eventStatements(.sqlite, ifNotExists: false) { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// The columns `status(from:)` reads.
    static let statusColumns = OutboxTable.statusColumns

    /// The condition for "due at `?`" (the time bound twice): pending, its time come, unleased.
    static let dueCondition = """
        state IN ('accepted', 'delivering') AND next_attempt_us <= ? \
        AND (lease_expires_us IS NULL OR lease_expires_us <= ?)
        """

    static func status(from row: Row, ring: OutboxKeyRing) throws -> SubmissionStatus {
        guard let id = UUID(uuidString: try row.decode(forColumn: "id")) else { throw OutboxStoreError(.corruptRow) }
        return try OutboxRowCodec.status(
            id: id, kind: try row.decode(forColumn: "kind"), tenant: try row.decode(forColumn: "tenant"),
            state: try row.decode(forColumn: "state"), dossierNumber: try row.decode(forColumn: "dossier_number"),
            failureReason: try row.decode(forColumn: "failure_reason"), attempts: try row.decode(forColumn: "attempts"),
            nextAttemptUs: try row.decode(forColumn: "next_attempt_us"), createdUs: try row.decode(forColumn: "created_us"),
            updatedUs: try row.decode(forColumn: "updated_us"), warnings: try row.decode(forColumn: "warnings"),
            lastError: try row.decode(forColumn: "last_error"), ring: ring)
    }

    /// Appends an event of submission `id` in the caller's transaction.
    static func appendEvent(
        _ db: Database, id: UUID, _ type: SubmissionEventType, atUs: Int64, dossierNumber: String? = nil,
        reason: String? = nil, requestKind: String? = nil, status: String? = nil
    ) throws {
        try db.execute(
            sql: OutboxTable.insertEvent(Array(repeating: "?", count: 7)),
            arguments: [type.rawValue, dossierNumber, reason, requestKind, status, atUs, text(id)])
    }

    /// The canonical text of an id in the `id` column (lowercase, as PostgreSQL prints uuids).
    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }
}
