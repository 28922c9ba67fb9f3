import Logging
import OCMWCore
import PostgresNIO

import struct Foundation.Date

/// The routing index in PostgreSQL: the directory *INSZ → OCMW, capacity, period* shared by
/// several proxy instances, so a registration pushed to one is seen by all.
///
/// As in SQLite it holds where a citizen has a dossier, never what the dossier contains. The
/// primary key leads with `insz`, so a lookup is one index range scan; dates are ISO
/// `yyyy-MM-dd` text, compared as the dates themselves and read back by the same code.
///
/// The caller owns the `PostgresClient` and must keep its `run()` going while the index is used.
public final class PostgresRoutingIndex: RoutingIndexStore {
    /// Rows per transaction (and per statement) during `importRegistrations`: one `unnest`
    /// upsert of this many rows is a few megabytes of parameters and one round trip.
    public static let importTransactionRows = 20_000

    public var importBatchRows: Int { Self.importTransactionRows }

    /// Serialises concurrent migrations (an arbitrary constant: "ocmw" "rout" in ASCII).
    static let migrationLockKey: Int64 = 0x6F63_6D77_726F_7574

    private let client: PostgresClient
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// An index on `client`, with its table created if missing (idempotent; safe to run from
    /// several instances at once).
    /// - Parameters:
    ///   - client: A running client; the table lives in the first schema of its `search_path`.
    ///   - logger: For the queries (PostgresNIO logs at debug level and never the bound values).
    ///   - now: The clock stamping `registered_at`.
    ///   - changeChannel: Where writes are announced.
    /// - Throws: A PostgresNIO error when the database cannot be reached or migrated.
    public init(
        client: PostgresClient, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        changeChannel: String = defaultChangeChannel
    ) async throws {
        try await PostgresDatabase.migrate(
            client, lockKey: Self.migrationLockKey,
            statements: ["CREATE TABLE IF NOT EXISTS routing_registration (\(RoutingTable.definition))"], logger: logger)
        self.client = client
        self.logger = logger
        self.now = now
        self.changeChannel = changeChannel
    }

    /// The channel on which every write is announced to the instances sharing the index
    /// (`PostgresRoutingChangeListener`), unless told otherwise.
    public static let defaultChangeChannel = "ocmw_routing"

    /// The channel this index announces its writes on. Channels are per database, not per
    /// schema: instances on one database must use the same one, separate setups sharing a
    /// database (tests) each their own.
    public let changeChannel: String

    public func register(_ registration: RoutingRegistration) async throws {
        try await upsert(
            [registration], registeredAt: RegisteredAt.text(now()),
            announcing: .registered(registration.insz, tenant: registration.tenant))
    }

    public func unregister(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate) async throws -> Bool {
        // One statement: the announcement is sent when (and only if) the delete commits.
        let rows = try await client.query(
            """
            WITH deleted AS (
                DELETE FROM routing_registration
                WHERE insz = \(insz.digits) AND tenant = \(tenant.rawValue) AND capacity = \(capacity)
                  AND start_date = \(start.iso8601)
                RETURNING 1)
            SELECT (SELECT count(*) FROM deleted)
            FROM (SELECT pg_notify(\(changeChannel), \(RoutingIndexChange.unregistered(insz).payload))) AS announced
            """, logger: logger)
        var deleted = 0
        for try await count in rows.decode(Int.self) { deleted = count }
        return deleted > 0
    }

    public func lookup(insz: INSZ, on day: DayDate) async throws -> [RoutingRegistration] {
        let rows = try await client.query(
            """
            SELECT tenant, capacity, start_date, end_date FROM routing_registration
            WHERE insz = \(insz.digits) AND start_date <= \(day.iso8601) AND (end_date IS NULL OR end_date >= \(day.iso8601))
            ORDER BY tenant, capacity, start_date
            """, logger: logger)
        var found: [RoutingRegistration] = []
        for try await (tenant, capacity, start, end) in rows.decode((String, String, String, String?).self) {
            found.append(try StoredRow(tenant: tenant, capacity: capacity, start: start, end: end).registration(insz: insz))
        }
        return found
    }

    public func count() async throws -> Int {
        try await PostgresDatabase.singleInt(
            client.query("SELECT count(*) FROM routing_registration", logger: logger),
            missing: PostgresStoreError.noResult)
    }

    public func importRegistrations(
        _ registrations: some Sequence<RoutingRegistration>,
        progress: (_ imported: Int, _ total: Int?) -> Void
    ) async throws -> Int {
        let stamp = RegisteredAt.text(now())
        return try await ChunkedImport.run(registrations, rows: Self.importTransactionRows, progress: progress) { chunk in
            try await upsert(chunk, registeredAt: stamp, announcing: .everything)
            return chunk.count
        }
    }

    /// One `unnest` upsert, atomic, announced with `change` when it commits. A key given twice
    /// keeps its last registration, as a run of single upserts would (PostgreSQL refuses to update
    /// one row twice in one statement).
    private func upsert(
        _ registrations: [RoutingRegistration], registeredAt stamp: String, announcing change: RoutingIndexChange
    ) async throws {
        var latest: [RegistrationKey: Int] = [:]
        for (index, registration) in registrations.enumerated() { latest[RegistrationKey(registration)] = index }
        let rows = latest.values.sorted().map { registrations[$0] }
        let insz = rows.map(\.insz.digits)
        let tenants = rows.map(\.tenant.rawValue)
        let capacities = rows.map(\.capacity)
        let starts = rows.map(\.period.start.iso8601)
        // Arrays of optionals are not bindable: "" stands for an open end (no ISO date is empty).
        let ends = rows.map { $0.period.end?.iso8601 ?? "" }
        let announced = try await client.query(
            """
            WITH written AS (
                INSERT INTO routing_registration (insz, tenant, capacity, start_date, end_date, registered_at)
                SELECT i, t, c, s, NULLIF(e, ''), \(stamp)
                FROM unnest(\(insz)::text[], \(tenants)::text[], \(capacities)::text[], \(starts)::text[], \(ends)::text[])
                    AS x(i, t, c, s, e)
                ON CONFLICT (insz, tenant, capacity, start_date)
                DO UPDATE SET end_date = excluded.end_date, registered_at = excluded.registered_at
                RETURNING 1)
            SELECT pg_notify(\(changeChannel), \(change.payload))
            """, logger: logger)
        for try await _ in announced {}
    }
}

/// What identifies a registration.
private struct RegistrationKey: Hashable {
    let insz: String, tenant: String, capacity: String, start: String

    init(_ registration: RoutingRegistration) {
        insz = registration.insz.digits
        tenant = registration.tenant.rawValue
        capacity = registration.capacity
        start = registration.period.start.iso8601
    }
}
