import AuditTrail
import Foundation
import SQLiteStores
import Synchronization
import Testing

@Suite("Buffered audit writer")
struct AuditWriterTests {
    typealias F = AuditFixtures

    @Test("finish() writes everything still buffered: nothing is lost on shutdown")
    func finishLosesNothing() async throws {
        let store = try SQLiteAuditStore.inMemory()
        // An interval far beyond the test: only full batches and the final flush write.
        let writer = AuditWriter(store: store, batchSize: 64, flushInterval: .seconds(3600))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await writer.run() }
            for index in 0..<1000 { writer.append(F.record(at: Double(index), citizen: index, request: "w\(index)")) }
            writer.finish()
            try await group.waitForAll()
        }
        #expect(writer.pendingCount == 0)
        #expect(try await store.count() == 1000)
    }

    @Test("Cancelling run() still writes everything buffered")
    func cancellationLosesNothing() async throws {
        let store = try SQLiteAuditStore.inMemory()
        let writer = AuditWriter(store: store, batchSize: 1000, flushInterval: .seconds(3600))
        let running = Task { try await writer.run() }
        for index in 0..<333 { writer.append(F.record(at: Double(index), citizen: index)) }
        running.cancel()
        try await running.value
        #expect(try await store.count() == 333)
    }

    @Test("A full batch is written without waiting for the interval")
    func fullBatchFlushesEarly() async throws {
        let store = try SQLiteAuditStore.inMemory()
        let writer = AuditWriter(store: store, batchSize: 10, flushInterval: .seconds(3600))
        let running = Task { try await writer.run() }
        defer { running.cancel() }
        for index in 0..<10 { writer.append(F.record(at: Double(index), citizen: index)) }
        #expect(try await eventually { try await store.count() == 10 })
    }

    @Test("A partial batch is written after the interval")
    func intervalFlushes() async throws {
        let store = try SQLiteAuditStore.inMemory()
        let writer = AuditWriter(store: store, batchSize: 1000, flushInterval: .milliseconds(20))
        let running = Task { try await writer.run() }
        defer { running.cancel() }
        for index in 0..<3 { writer.append(F.record(at: Double(index), citizen: index)) }
        #expect(try await eventually { try await store.count() == 3 })
    }

    @Test("A failed batch is kept and written by the next flush")
    func failureKeepsRecords() async throws {
        let store = FlakyStore(failures: 2)
        let writer = AuditWriter(store: store, batchSize: 4)
        for index in 0..<10 { writer.append(F.record(at: Double(index), citizen: index, request: "f\(index)")) }
        await #expect(throws: FlakyStore.Failure.self) { try await writer.flush() }
        await #expect(throws: FlakyStore.Failure.self) { try await writer.flush() }
        #expect(writer.pendingCount == 10)
        try await writer.flush()
        #expect(writer.pendingCount == 0)
        #expect(
            try await store.records(from: .distantPast, to: .distantFuture).map(\.requestID)
                == (0..<10).map { "f\($0)" })
    }

    /// Polls `condition` for up to five seconds.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<500 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}

/// An in-memory store whose first `failures` batch appends fail.
final class FlakyStore: AuditStore {
    struct Failure: Error {}
    private let remainingFailures: Mutex<Int>
    private let inner = InMemoryAuditStore()

    init(failures: Int) { remainingFailures = Mutex(failures) }

    func append(_ record: AuditRecord) async throws { try await append(contentsOf: [record]) }

    func append(contentsOf records: [AuditRecord]) async throws {
        let fail = remainingFailures.withLock { remaining in
            defer { remaining -= 1 }
            return remaining > 0
        }
        if fail { throw Failure() }
        try await inner.append(contentsOf: records)
    }

    func forEachBatch(
        from start: Date, to end: Date, batchSize: Int,
        _ body: (_ batch: [AuditRecord]) async throws -> Void
    ) async throws {
        try await inner.forEachBatch(from: start, to: end, batchSize: batchSize, body)
    }

    func deleteOlder(than cutoff: Date) async throws -> Int { try await inner.deleteOlder(than: cutoff) }
    func count() async throws -> Int { try await inner.count() }
}
