import AuditTrail
import Logging
import OCMWCore
import PostgresNIO

import struct Foundation.Date

/// The audit trail in PostgreSQL, append-only (see `PostgresAuditSchema` for the triggers that
/// enforce it): for several proxy instances writing one trail.
///
/// The caller owns the `PostgresClient` and must keep its `run()` going while the store is used.
public final class PostgresAuditStore: AuditStore {
    private let client: PostgresClient
    private let logger: Logger

    /// A store on `client`, with its schema brought up to date (idempotent; safe to run from
    /// several instances at once).
    /// - Parameters:
    ///   - client: A running client; the tables live in the first schema of its `search_path`.
    ///   - logger: For the queries (PostgresNIO logs at debug level and never the bound values).
    /// - Throws: A PostgresNIO error when the database cannot be reached or migrated.
    public init(client: PostgresClient, logger: Logger) async throws {
        try await PostgresAuditSchema.migrate(client, logger: logger)
        self.client = client
        self.logger = logger
    }

    public func append(_ record: AuditRecord) async throws {
        try await append(contentsOf: [record])
    }

    /// One INSERT of `unnest`ed arrays: one round trip and atomic, whatever the batch size.
    public func append(contentsOf records: [AuditRecord]) async throws {
        guard !records.isEmpty else { return }
        let times = records.map { AuditTime.microseconds($0.time) }
        let clients = records.map(\.clientID)
        // A pseudonym's hex is never empty, so "" stands for "no citizen" (arrays of optionals
        // are not bindable).
        let citizens = records.map { $0.citizen?.hex ?? "" }
        let tenants = records.map { PostgresTextArray.literal($0.tenants.map(\.rawValue)) }
        let parts = records.map { PostgresTextArray.literal($0.parts) }
        let actions = records.map(\.action.rawValue)
        let outcomes = records.map(\.outcome.rawValue)
        let statuses = records.map { Int64($0.httpStatus) }
        let requests = records.map(\.requestID)
        try await client.query(
            """
            INSERT INTO audit_record
                (time_us, client_id, citizen, tenants, parts, action, outcome, http_status, request_id)
            SELECT t, c, NULLIF(z, ''), tn::text[], p::text[], a, o, s::integer, r
            FROM unnest(\(times)::bigint[], \(clients)::text[], \(citizens)::text[], \(tenants)::text[],
                        \(parts)::text[], \(actions)::text[], \(outcomes)::text[], \(statuses)::bigint[],
                        \(requests)::text[])
                AS x(t, c, z, tn, p, a, o, s, r)
            """, logger: logger)
    }

    public func forEachBatch(
        from start: Date, to end: Date, batchSize: Int,
        _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws {
        let (startUs, endUs) = (AuditTime.microseconds(start), AuditTime.microseconds(end))
        let limit = Int64(max(batchSize, 1))
        // Keyset pagination on (time_us, id): each batch is its own query, no cursor held open
        // while `body` runs.
        var position = (time: startUs, id: Int64.min)
        while true {
            let rows = try await client.query(
                """
                SELECT id, time_us, client_id, citizen, tenants, parts, action, outcome, http_status, request_id
                FROM audit_record
                WHERE time_us >= \(startUs) AND time_us < \(endUs)
                  AND (time_us, id) > (\(position.time), \(position.id))
                ORDER BY time_us, id LIMIT \(limit)
                """, logger: logger)
            var page: [(id: Int64, time: Int64, record: AuditRecord)] = []
            for try await row in rows {
                page.append(try PostgresAuditRow.decode(row))
            }
            guard let last = page.last else { return }
            try await body(page.map(\.record))
            guard page.count == limit else { return }
            position = (last.time, last.id)
        }
    }

    /// Raises the stored cutoff (never lowers it), then deletes below it, in one transaction.
    ///
    /// Holds the schema's migration lock meanwhile: it touches both tables (the cutoff, then the
    /// records, whose delete trigger reads the cutoff) while a starting instance's migration
    /// re-creates the triggers on both in the other order; interleaved, the two deadlocked (seen
    /// when three instances started at once).
    @discardableResult
    public func deleteOlder(than cutoff: Date) async throws -> Int {
        let cutoffUs = AuditTime.microseconds(cutoff)
        let logger = logger
        return try await PostgresDatabase.transaction(client, logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresAuditSchema.migrationLockKey))", logger: logger)
            try await connection.query(
                "UPDATE audit_retention SET cutoff_us = GREATEST(cutoff_us, \(cutoffUs))", logger: logger)
            let rows = try await connection.query(
                """
                WITH removed AS (DELETE FROM audit_record WHERE time_us < \(cutoffUs) RETURNING 1)
                SELECT count(*) FROM removed
                """, logger: logger)
            return try await PostgresDatabase.singleInt(rows, missing: AuditStoreError(.corruptRow))
        }
    }

    public func count() async throws -> Int {
        try await PostgresDatabase.singleInt(
            client.query("SELECT count(*) FROM audit_record", logger: logger), missing: AuditStoreError(.corruptRow))
    }
}
