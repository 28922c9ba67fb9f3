import struct Foundation.Date

/// Where audit records are kept: append-only.
///
/// There is deliberately no way to change a record, and the only way to remove one is
/// `deleteOlder(than:)`, the retention path. Periods are half-open: `from` included, `to` excluded.
public protocol AuditStore: Sendable {
    /// Stores one record.
    /// - Throws: when the store cannot be written.
    func append(_ record: AuditRecord) async throws

    /// Stores several records in one transaction: all or none.
    /// - Throws: when the store cannot be written.
    func append(contentsOf records: [AuditRecord]) async throws

    /// Hands the records with `from <= time < to` to `body`, oldest first, in batches of at most
    /// `batchSize`, reading the next batch only after `body` returns: an export of any size runs
    /// in bounded memory.
    /// - Throws: when the store cannot be read, or what `body` throws.
    func forEachBatch(
        from start: Date, to end: Date, batchSize: Int,
        _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws

    /// Retention: removes every record with `time < cutoff`.
    /// - Returns: The number of records removed.
    /// - Throws: when the store cannot be written.
    @discardableResult
    func deleteOlder(than cutoff: Date) async throws -> Int

    /// The number of records stored.
    /// - Throws: when the store cannot be read.
    func count() async throws -> Int
}

extension AuditStore {
    /// The records with `from <= time < to`, oldest first, all in memory: for small periods and
    /// tests; exports use `forEachBatch`.
    /// - Throws: when the store cannot be read.
    public func records(from start: Date, to end: Date) async throws -> [AuditRecord] {
        var all: [AuditRecord] = []
        try await forEachBatch(from: start, to: end, batchSize: 10_000) { batch in all += batch }
        return all
    }

    /// The records in `period`, oldest first, all in memory.
    /// - Throws: when the store cannot be read.
    public func records(in period: AuditPeriod) async throws -> [AuditRecord] {
        try await records(from: period.start, to: period.end)
    }
}
