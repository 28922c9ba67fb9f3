import Foundation
import Logging
import Outbox
import PostgresNIO

/// The outbox table in PostgreSQL: the same columns, constraints and time units as the SQLite
/// store's (`OutboxTable`), so both read and write rows through `OutboxRowCodec`.
enum PostgresOutboxSchema {
    /// Serialises concurrent migrations (an arbitrary constant: "ocmw" "outb" in ASCII).
    static let migrationLockKey: Int64 = 0x6F63_6D77_6F75_7462

    /// Every statement is safe to run again.
    static let statements =
        OutboxTable.statements(.postgres, ifNotExists: true) + OutboxTable.citizenPseudonymStatements(ifNotExists: true)
        + OutboxTable.eventStatements(.postgres, ifNotExists: true)

    /// Serialises the transactions that write events ("ocmw" "evnt" in ASCII), so their sequence
    /// numbers are committed in order: a reader resuming after sequence n can never later find
    /// an event numbered below n that had not committed yet.
    static let eventLockKey: Int64 = 0x6F63_6D77_6576_6E74

    /// Appends an event of submission `id` in `connection`'s transaction, under the event lock
    /// (held until that transaction ends).
    static func appendEvent(
        _ connection: PostgresConnection, id: UUID, _ type: SubmissionEventType, atUs: Int64, dossierNumber: String? = nil,
        reason: String? = nil, requestKind: String? = nil, status: String? = nil, logger: Logger
    ) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(eventLockKey))", logger: logger)
        var binds = PostgresBindings()
        binds.append(type.rawValue)
        binds.append(dossierNumber)
        binds.append(reason)
        binds.append(requestKind)
        binds.append(status)
        binds.append(atUs)
        binds.append(id)
        try await connection.query(
            PostgresQuery(unsafeSQL: OutboxTable.insertEvent((1...7).map { "$\($0)" }), binds: binds), logger: logger)
    }

    static let statusColumns = OutboxTable.statusColumns
    static let submissionColumns = OutboxTable.submissionColumns

    static func status(from row: PostgresRow, ring: OutboxKeyRing) throws -> SubmissionStatus {
        let cells = row.makeRandomAccess()
        return try status(from: cells, ring: ring)
    }

    static func status(from cells: PostgresRandomAccessRow, ring: OutboxKeyRing) throws -> SubmissionStatus {
        try OutboxRowCodec.status(
            id: cells["id"].decode(UUID.self), kind: cells["kind"].decode(String.self),
            tenant: cells["tenant"].decode(String.self), state: cells["state"].decode(String.self),
            dossierNumber: cells["dossier_number"].decode(String?.self),
            failureReason: cells["failure_reason"].decode(String?.self), attempts: Int(cells["attempts"].decode(Int32.self)),
            nextAttemptUs: cells["next_attempt_us"].decode(Int64.self), createdUs: cells["created_us"].decode(Int64.self),
            updatedUs: cells["updated_us"].decode(Int64.self), warnings: cells["warnings"].decode(String.self),
            lastError: cells["last_error"].decode(String?.self), ring: ring)
    }

    /// A leased row's submission, decrypted with `ring`.
    static func submission(from row: PostgresRow, ring: OutboxKeyRing, currentYear: Int) throws -> Submission {
        let cells = row.makeRandomAccess()
        return try OutboxRowCodec.submission(
            status: status(from: cells, ring: ring), clientID: cells["client_id"].decode(String.self),
            idempotencyKey: cells["idempotency_key"].decode(String.self), fingerprint: cells["fingerprint"].decode(Data.self),
            keyID: cells["key_id"].decode(String?.self), citizen: cells["citizen"].decode(Data?.self),
            payload: cells["payload"].decode(Data?.self), ring: ring, currentYear: currentYear)
    }
}
