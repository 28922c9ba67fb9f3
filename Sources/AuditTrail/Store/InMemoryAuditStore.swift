import Synchronization

import struct Foundation.Date

/// An audit store in memory, for tests and for running without a data directory.
public final class InMemoryAuditStore: AuditStore {
    /// Records in append order, each with its append sequence number to break time ties.
    private let rows = Mutex<[(sequence: Int, record: AuditRecord)]>([])

    /// An empty store.
    public init() {}

    public func append(_ record: AuditRecord) async throws {
        try await append(contentsOf: [record])
    }

    public func append(contentsOf records: [AuditRecord]) async throws {
        rows.withLock { rows in
            for record in records { rows.append((rows.count, record)) }
        }
    }

    public func forEachBatch(
        from start: Date, to end: Date, batchSize: Int,
        _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws {
        let matching = rows.withLock { rows in
            rows.filter { start <= $0.record.time && $0.record.time < end }
                .sorted { ($0.record.time, $0.sequence) < ($1.record.time, $1.sequence) }
                .map(\.record)
        }
        var index = matching.startIndex
        while index < matching.endIndex {
            let next = min(index + max(batchSize, 1), matching.endIndex)
            try await body(Array(matching[index..<next]))
            index = next
        }
    }

    @discardableResult
    public func deleteOlder(than cutoff: Date) async throws -> Int {
        rows.withLock { rows in
            let before = rows.count
            rows.removeAll { $0.record.time < cutoff }
            return before - rows.count
        }
    }

    public func count() async throws -> Int {
        rows.withLock { $0.count }
    }
}
