import AuditTrail
import Foundation
import Testing

/// What every `AuditStore` must do: the checks of the audit store compatibility suite, each taking
/// a fresh, empty store. `AuditTrailTests` runs them against the in-memory and SQLite stores,
/// `PostgresStoresTests` against PostgreSQL.
public enum AuditStoreConformance {
    private typealias F = AuditConformanceFixtures

    /// Records come back by period, half-open, oldest first, unchanged.
    public static func appendAndQuery(_ store: any AuditStore) async throws {
        let records = [
            F.record(at: 30, citizen: 1), F.record(at: 0.000_123), F.record(at: 60, citizen: 2),
            F.record(at: -10, citizen: 3), F.record(at: 90, citizen: 4, outcome: .partial),
            F.record(at: 45, citizen: nil, parts: []),
        ]
        for record in records { try await store.append(record) }
        #expect(try await store.count() == 6)
        let inPeriod = try await store.records(from: F.base, to: F.base.addingTimeInterval(90))
        #expect(inPeriod == [records[1], records[0], records[5], records[2]])
        #expect(
            try await store.records(from: F.base.addingTimeInterval(90), to: F.base.addingTimeInterval(91))
                == [records[4]])
    }

    /// Batches cover the period exactly once, in order, also across equal times.
    public static func batches(_ store: any AuditStore) async throws {
        // 25 records over 5 distinct times: batches of 7 split groups of equal time.
        let records = (0..<25).map { F.record(at: TimeInterval($0 / 5), citizen: $0, request: "r\($0)") }
        try await store.append(contentsOf: records.reversed())
        var seen: [AuditRecord] = []
        var sizes: [Int] = []
        try await store.forEachBatch(from: F.base, to: F.base.addingTimeInterval(10), batchSize: 7) { batch in
            seen += batch
            sizes.append(batch.count)
        }
        #expect(sizes == [7, 7, 7, 4])
        #expect(Set(seen.map(\.requestID)) == Set(records.map(\.requestID)))
        #expect(seen.count == 25)
        #expect(seen.map(\.time) == seen.map(\.time).sorted())
    }

    /// Retention removes exactly the records before the cutoff.
    public static func retention(_ store: any AuditStore) async throws {
        let now = F.base
        let old = (1...3).map { F.record(at: -Double(401 + $0) * 86_400, citizen: $0) }
        let recent = (1...4).map { F.record(at: -Double(399 - $0) * 86_400, citizen: $0) }
        let edge = F.record(at: -400 * 86_400, citizen: 9)
        try await store.append(contentsOf: old + recent + [edge])
        let retention = try #require(AuditRetention(days: 400))
        #expect(try await retention.apply(to: store, now: now) == 3)
        #expect(try await store.count() == 5)
        let left = try await store.records(from: .distantPast, to: .distantFuture)
        #expect(Set(left) == Set(recent + [edge]))
        // Applying it again removes nothing more.
        #expect(try await retention.apply(to: store, now: now) == 0)
    }

    /// 1000 concurrent appends all land.
    public static func concurrentAppends(_ store: any AuditStore) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    try await store.append(F.record(at: Double(index) / 1000, citizen: index, request: "c\(index)"))
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count() == 1000)
        let all = try await store.records(from: F.base, to: F.base.addingTimeInterval(2))
        #expect(Set(all.map(\.requestID)) == Set((0..<1000).map { "c\($0)" }))
    }
}
