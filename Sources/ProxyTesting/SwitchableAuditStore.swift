import AuditTrail
import Synchronization

import struct Foundation.Date

/// An in-memory audit store that can be taken down and brought back, as a database that is
/// unreachable for a while: appends fail while it is down.
public final class SwitchableAuditStore: AuditStore {
    /// Thrown by appends while the store is down.
    public struct Down: Error {}

    public let records: InMemoryAuditStore
    private let down = Mutex(false)

    public init(records: InMemoryAuditStore = InMemoryAuditStore()) {
        self.records = records
    }

    /// Takes the store down (`true`) or brings it back.
    public func setDown(_ isDown: Bool) { down.withLock { $0 = isDown } }

    public func append(_ record: AuditRecord) async throws {
        try await append(contentsOf: [record])
    }

    public func append(contentsOf batch: [AuditRecord]) async throws {
        if down.withLock({ $0 }) { throw Down() }
        try await records.append(contentsOf: batch)
    }

    public func forEachBatch(
        from start: Date, to end: Date, batchSize: Int, _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws {
        try await records.forEachBatch(from: start, to: end, batchSize: batchSize, body)
    }

    public func deleteOlder(than cutoff: Date) async throws -> Int {
        try await records.deleteOlder(than: cutoff)
    }

    public func count() async throws -> Int {
        try await records.count()
    }
}
