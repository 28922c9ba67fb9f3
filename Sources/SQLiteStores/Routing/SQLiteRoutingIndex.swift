import GRDB
import OCMWCore
import PrivateFiles

import struct Foundation.Date

/// The routing index in SQLite: the directory *INSZ → OCMW, capacity, period*, as the KSZ
/// reference directory holds it.
///
/// It stores where a citizen has a dossier, never what the dossier contains: no amounts, no
/// decisions, no names. That is why it may live on disk while dossier content may not.
///
/// A file database is opened as a GRDB `DatabasePool`, which puts it in WAL mode: lookups read
/// concurrently with the registration feed and with a running import.
public final class SQLiteRoutingIndex: RoutingIndexStore {
    /// Rows per transaction during `importRegistrations`. Rows arrive in no particular INSZ
    /// order, so each transaction rewrites most leaf pages it touches: fewer, larger
    /// transactions write far less (at 1M rows, 50 000 per transaction imported 1.5 times as
    /// fast as 10 000). A transaction holds the write lock for a fraction of a second; readers
    /// are never blocked (WAL).
    public static let importTransactionRows = 50_000

    public var importBatchRows: Int { Self.importTransactionRows }

    private let writer: any DatabaseWriter
    /// Read access for diagnostics.
    var reader: any DatabaseReader { writer }
    private let now: @Sendable () -> Date

    /// Opens (creating if needed) the index file at `path` and brings its schema up to date.
    /// - Parameters:
    ///   - path: The database file, e.g. `data/routing.sqlite`. Its directory must exist.
    ///   - now: The clock stamping `registered_at`.
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        // Mode 0600 before SQLite opens it (its -wal and -shm take the file's mode): the file
        // says who receives help, or who looked at whose data.
        try PrivateFile.prepareDatabase(atPath: path)
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()), now: now)
    }

    /// An empty index in memory, gone when the value is: for tests.
    /// - Throws: `DatabaseError` when the schema cannot be created.
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }) throws -> SQLiteRoutingIndex {
        try SQLiteRoutingIndex(writer: DatabaseQueue(configuration: configuration()), now: now)
    }

    private init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) throws {
        try RoutingSchema.migrator.migrate(writer)
        self.writer = writer
        self.now = now
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "routing-index"
        // Another process (an import run while the proxy serves) may hold the write lock for
        // one transaction; wait for it instead of failing.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Up to 64 MiB of page cache per connection (SQLite's default is 2 MiB): a bulk
            // import touches pages all over the table, and re-reading them dominated its cost.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return configuration
    }

    public func register(_ registration: RoutingRegistration) async throws {
        let stamp = RegisteredAt.text(now())
        try await writer.write { db in try RoutingSchema.upsert(registration, registeredAt: stamp, in: db) }
    }

    public func unregister(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    DELETE FROM routing_registration
                    WHERE insz = ? AND tenant = ? AND capacity = ? AND start_date = ?
                    """, arguments: [insz.digits, tenant.rawValue, capacity, start.iso8601])
            return db.changesCount > 0
        }
    }

    public func lookup(insz: INSZ, on day: DayDate) async throws -> [RoutingRegistration] {
        let rows = try await writer.read { db in
            try RoutingSchema.covering(insz: insz.digits, day: day.iso8601, in: db)
        }
        return try rows.map { row in try row.registration(insz: insz) }
    }

    public func count() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM routing_registration") ?? 0 }
    }

    public func importRegistrations(
        _ registrations: some Sequence<RoutingRegistration>,
        progress: (_ imported: Int, _ total: Int?) -> Void
    ) async throws -> Int {
        let stamp = RegisteredAt.text(now())
        return try await ChunkedImport.run(registrations, rows: Self.importTransactionRows, progress: progress) { chunk in
            try await write(chunk, registeredAt: stamp)
        }
    }

    /// One transaction; the statement is compiled once and reused for every row.
    private func write(_ chunk: [RoutingRegistration], registeredAt stamp: String) async throws -> Int {
        try await writer.write { db in
            for registration in chunk { try RoutingSchema.upsert(registration, registeredAt: stamp, in: db) }
            return chunk.count
        }
    }
}
