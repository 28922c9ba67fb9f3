import AuditTrail
import GRDB
import PrivateFiles

import struct Foundation.Date

/// The audit trail in SQLite, append-only (see `AuditSchema` for the triggers that enforce it).
///
/// A file database is opened as a GRDB `DatabasePool` (WAL): an export or a count reads while
/// the proxy appends. One append is one short write transaction (tens of microseconds); callers
/// that want appends off the request path put an `AuditWriter` in front.
public final class SQLiteAuditStore: AuditStore {
    /// The file name the server uses inside its data directory.
    public static let defaultFileName = "audit.sqlite"

    private let writer: any DatabaseWriter
    /// Raw access for diagnostics and tests.
    var database: any DatabaseWriter { writer }

    /// Opens (creating if needed) the audit database at `path` and brings its schema up to date.
    /// - Parameter path: The database file, e.g. `data/audit.sqlite`. Its directory must exist.
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public convenience init(path: String) throws {
        // Mode 0600 before SQLite opens it (its -wal and -shm take the file's mode): the file
        // says who receives help, or who looked at whose data.
        try PrivateFile.prepareDatabase(atPath: path)
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()))
    }

    /// An empty store in memory, gone when the value is: for tests.
    /// - Throws: `DatabaseError` when the schema cannot be created.
    public static func inMemory() throws -> SQLiteAuditStore {
        try SQLiteAuditStore(writer: DatabaseQueue(configuration: configuration()))
    }

    private init(writer: any DatabaseWriter) throws {
        try AuditSchema.migrator.migrate(writer)
        self.writer = writer
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "audit-trail"
        // An export or a prune from the command line may hold the write lock briefly.
        configuration.busyMode = .timeout(5)
        return configuration
    }

    public func append(_ record: AuditRecord) async throws {
        try await writer.write { db in try AuditSchema.insert(record, in: db) }
    }

    public func append(contentsOf records: [AuditRecord]) async throws {
        guard !records.isEmpty else { return }
        try await writer.write { db in
            for record in records { try AuditSchema.insert(record, in: db) }
        }
    }

    public func forEachBatch(
        from start: Date, to end: Date, batchSize: Int,
        _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws {
        let (startUs, endUs) = (AuditTime.microseconds(start), AuditTime.microseconds(end))
        let limit = max(batchSize, 1)
        var position: (time: Int64, id: Int64)?
        while true {
            // Each batch is its own read transaction: no snapshot is held open while `body` writes.
            let after = position
            let page = try await writer.read { db in
                try AuditSchema.page(from: startUs, to: endUs, after: after, limit: limit, in: db)
            }
            guard let last = page.last else { return }
            try await body(page.map(\.record))
            guard page.count == limit else { return }
            position = (AuditTime.microseconds(last.record.time), last.id)
        }
    }

    @discardableResult
    public func deleteOlder(than cutoff: Date) async throws -> Int {
        let cutoffUs = AuditTime.microseconds(cutoff)
        return try await writer.write { db in try AuditSchema.deleteOlder(thanMicroseconds: cutoffUs, in: db) }
    }

    public func count() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_record") ?? 0 }
    }
}
