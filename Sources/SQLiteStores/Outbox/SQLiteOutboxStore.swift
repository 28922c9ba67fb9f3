import Foundation
import GRDB
import OCMWCore
import Outbox
import PrivateFiles

/// The outbox in SQLite: the default store, one file in the data directory.
///
/// A file database is a GRDB `DatabasePool` (WAL: status reads never wait for a delivery's
/// write) with `synchronous = FULL` on every connection, so a commit is on disk when `accept`
/// returns, even if the machine loses power. `secure_delete` zeroes erased payloads in the file
/// instead of leaving their (encrypted) bytes in free pages. The file is created 0600 and
/// SQLite gives its `-wal` and `-shm` files the same mode.
///
/// Writes run in `BEGIN IMMEDIATE` transactions: the write lock is taken up front, so two
/// processes sharing the file (a proxy and an operator's command) serialize instead of failing
/// to upgrade a read lock. Within one process GRDB serializes writes anyway, which is what makes
/// `lease` exclusive here; a PostgreSQL store needs `FOR UPDATE SKIP LOCKED` for the same.
public final class SQLiteOutboxStore: OutboxStore {
    /// The file name the server uses inside its data directory.
    public static let defaultFileName = "outbox.sqlite"

    let writer: any DatabaseWriter
    let keyRing: OutboxKeyRing

    /// Opens (creating if needed) the outbox at `path` and brings its schema up to date.
    /// - Parameters:
    ///   - path: The database file, e.g. `data/outbox.sqlite`. Its directory must exist.
    ///   - keyRing: Encrypts new rows with its current key; decrypts rows with any of its keys.
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public convenience init(path: String, keyRing: OutboxKeyRing) throws {
        // Created empty with mode 0600 before SQLite opens it (an empty file is a valid empty
        // database; its -wal and -shm take its mode); an existing one is narrowed to 0600.
        try PrivateFile.prepareDatabase(atPath: path)
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()), keyRing: keyRing)
    }

    /// An empty store in memory, for tests.
    /// - Parameter name: Connections opened with the same name share one database while any of
    ///   them lives: a test can "restart" with another key ring. `nil` for a private database.
    /// - Throws: `DatabaseError` when the schema cannot be created.
    public static func inMemory(named name: String? = nil, keyRing: OutboxKeyRing) throws -> SQLiteOutboxStore {
        try SQLiteOutboxStore(writer: DatabaseQueue(named: name, configuration: configuration()), keyRing: keyRing)
    }

    private init(writer: any DatabaseWriter, keyRing: OutboxKeyRing) throws {
        // Again here, not only in `prepareDatabase`: when GRDB switches a new pool's writer to
        // WAL it then sets `synchronous = NORMAL`, which may lose the last commits on power loss.
        // The writer connection lives as long as the pool, so once is enough.
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try OutboxSchema.migrator.migrate(writer)
        self.writer = writer
        self.keyRing = keyRing
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "outbox"
        // An operator's command may hold the write lock for one short transaction.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Per connection, not persistent: every connection must say it. FULL makes each
            // commit wait for the WAL's fsync, the promise behind "accepted durably" (see `init`
            // for the writer of a pool).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    /// Closes the database connections; the store is unusable afterwards.
    /// - Throws: `DatabaseError` when a connection cannot be closed.
    public func close() throws {
        if let pool = writer as? DatabasePool {
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, rolled back when it throws.
    func immediateWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in
            try db.beginTransaction(.immediate)
            do {
                let result = try body(db)
                try db.commit()
                return result
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }

    public func accept(_ new: NewSubmission) async throws -> AcceptResult {
        // Encrypt before taking the write lock: the lock is held for the SQL only.
        let sealed = try OutboxRowCodec.seal(new, ring: keyRing)
        let warnings = try JSONList.text(new.warnings)
        let receivedUs = OutboxTime.microseconds(new.receivedAt)
        return try await immediateWrite { db in
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(OutboxSchema.statusColumns), fingerprint FROM outbox_submission
                    WHERE client_id = ? AND citizen_pseudonym = ? AND idempotency_key = ?
                    """, arguments: [new.clientID, new.citizenPseudonym, new.idempotencyKey])
            {
                let status = try OutboxSchema.status(from: row, ring: self.keyRing)
                let fingerprint: Data = try row.decode(forColumn: "fingerprint")
                return Array(fingerprint) == new.fingerprint.bytes ? .existing(status) : .conflict(existingID: status.id)
            }
            try db.execute(
                sql: """
                    INSERT INTO outbox_submission
                        (id, kind, tenant, client_id, idempotency_key, fingerprint, key_id, citizen, payload,
                         state, attempts, next_attempt_us, created_us, updated_us, warnings, citizen_pseudonym)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', 0, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    OutboxSchema.text(new.id), new.kind.rawValue, new.tenant.rawValue, new.clientID,
                    new.idempotencyKey, Data(new.fingerprint.bytes), sealed.keyID, sealed.citizen, sealed.payload,
                    receivedUs, receivedUs, receivedUs, warnings, new.citizenPseudonym,
                ])
            try OutboxSchema.appendEvent(db, id: new.id, .accepted, atUs: receivedUs)
            return .accepted(OutboxRowCodec.acceptedStatus(new))
        }
    }

    public func status(id: UUID) async throws -> SubmissionStatus? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(OutboxSchema.statusColumns) FROM outbox_submission WHERE id = ?",
                arguments: [OutboxSchema.text(id)]
            ).map { try OutboxSchema.status(from: $0, ring: self.keyRing) }
        }
    }

    public func status(id: UUID, clientID: String, citizenPseudonym: String?) async throws -> SubmissionStatus? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(OutboxSchema.statusColumns) FROM outbox_submission WHERE id = ? AND client_id = ?
                    AND (? IS NULL OR citizen_pseudonym = ?)
                    """, arguments: [OutboxSchema.text(id), clientID, citizenPseudonym, citizenPseudonym]
            ).map { try OutboxSchema.status(from: $0, ring: self.keyRing) }
        }
    }
}
