import Foundation
import Logging
import OCMWCore
import Outbox
import PostgresNIO

/// The outbox in PostgreSQL: one table shared by several proxy instances, each leasing
/// different rows (`FOR UPDATE SKIP LOCKED`), so a submission is delivered by exactly one.
///
/// Rows are encrypted with the same key ring and in the same format as in SQLite
/// (`OutboxRowCodec`); every instance needs the keys of the rows it may deliver. A commit is
/// durable when `accept` returns as far as the server's `synchronous_commit` makes it (on by
/// default).
///
/// The caller owns the `PostgresClient` and must keep its `run()` going while the store is used.
public final class PostgresOutboxStore: OutboxStore {
    let client: PostgresClient
    let keyRing: OutboxKeyRing
    let logger: Logger

    /// A store on `client`, with its schema brought up to date (idempotent; safe to run from
    /// several instances at once).
    /// - Parameters:
    ///   - client: A running client; the table lives in the first schema of its `search_path`.
    ///   - keyRing: Encrypts new rows with its current key; decrypts rows with any of its keys.
    ///   - logger: For the queries (PostgresNIO logs at debug level and never the bound values).
    /// - Throws: A PostgresNIO error when the database cannot be reached or migrated.
    public init(client: PostgresClient, keyRing: OutboxKeyRing, logger: Logger) async throws {
        try await PostgresDatabase.migrate(
            client, lockKey: PostgresOutboxSchema.migrationLockKey,
            statements: PostgresOutboxSchema.statements, logger: logger)
        self.client = client
        self.keyRing = keyRing
        self.logger = logger
    }

    public func accept(_ new: NewSubmission) async throws -> AcceptResult {
        let sealed = try OutboxRowCodec.seal(new, ring: keyRing)
        let warnings = try JSONList.text(new.warnings)
        let receivedUs = OutboxTime.microseconds(new.receivedAt)
        // The unique index decides between concurrent acceptances of one key: the loser's
        // INSERT waits for the winner's commit, then inserts nothing, and reads the winner's row.
        let logger = logger
        let inserted = try await PostgresDatabase.transaction(client, logger: logger) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO outbox_submission
                    (id, kind, tenant, client_id, idempotency_key, fingerprint, key_id, citizen, payload,
                     state, attempts, next_attempt_us, created_us, updated_us, warnings, citizen_pseudonym)
                VALUES (\(new.id), \(new.kind.rawValue), \(new.tenant.rawValue), \(new.clientID), \(new.idempotencyKey),
                        \(Data(new.fingerprint.bytes)), \(sealed.keyID), \(sealed.citizen), \(sealed.payload),
                        'accepted', 0, \(receivedUs), \(receivedUs), \(receivedUs), \(warnings),
                        \(new.citizenPseudonym))
                ON CONFLICT (client_id, citizen_pseudonym, idempotency_key) DO NOTHING
                RETURNING id
                """, logger: logger)
            var inserted = false
            for try await _ in rows { inserted = true }
            if inserted { try await PostgresOutboxSchema.appendEvent(connection, id: new.id, .accepted, atUs: receivedUs, logger: logger) }
            return inserted
        }
        if inserted { return .accepted(OutboxRowCodec.acceptedStatus(new)) }
        let existing = try await client.query(
            """
            SELECT \(unescaped: PostgresOutboxSchema.statusColumns), fingerprint FROM outbox_submission
            WHERE client_id = \(new.clientID) AND citizen_pseudonym = \(new.citizenPseudonym)
              AND idempotency_key = \(new.idempotencyKey)
            """, logger: logger)
        for try await row in existing {
            let status = try PostgresOutboxSchema.status(from: row, ring: keyRing)
            let fingerprint = try row.makeRandomAccess()["fingerprint"].decode(Data.self)
            return Array(fingerprint) == new.fingerprint.bytes ? .existing(status) : .conflict(existingID: status.id)
        }
        // Only a conflict on the key makes the INSERT do nothing, and rows are never deleted.
        throw OutboxStoreError(.corruptRow, submissionID: new.id)
    }

    public func status(id: UUID) async throws -> SubmissionStatus? {
        let rows = try await client.query(
            """
            SELECT \(unescaped: PostgresOutboxSchema.statusColumns) FROM outbox_submission WHERE id = \(id)
            """, logger: logger)
        for try await row in rows { return try PostgresOutboxSchema.status(from: row, ring: keyRing) }
        return nil
    }

    public func status(id: UUID, clientID: String, citizenPseudonym: String?) async throws -> SubmissionStatus? {
        let rows = try await client.query(
            """
            SELECT \(unescaped: PostgresOutboxSchema.statusColumns) FROM outbox_submission
            WHERE id = \(id) AND client_id = \(clientID)
              AND (\(citizenPseudonym)::text IS NULL OR citizen_pseudonym = \(citizenPseudonym))
            """, logger: logger)
        for try await row in rows { return try PostgresOutboxSchema.status(from: row, ring: keyRing) }
        return nil
    }
}
