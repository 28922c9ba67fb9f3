import Foundation
import OCMWCore
import StoreConformance
import Testing

@testable import SQLiteStores

@Suite("SQLite routing index: file, WAL, query plan")
struct SQLiteRoutingIndexTests {
    typealias F = RoutingFixtures

    @Test("A file index is in WAL mode and keeps its rows when closed and reopened")
    func durableAcrossReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("routing.sqlite")
        let citizen = F.citizen(7)
        do {
            let index = try SQLiteRoutingIndex(path: path)
            #expect(try await index.journalMode() == "wal")
            try await index.register(F.registration(citizen, F.gent, from: -10, to: nil))
            try await index.register(F.registration(citizen, F.bonheiden, from: -10, to: 10))
            try await index.importRegistrations((100..<1_100).map { try F.registration(F.citizen($0), F.leuven, from: -1, to: nil) })
            #expect(try await index.unregister(insz: citizen, tenant: F.bonheiden, capacity: "LL", start: F.day(-10)))
        }
        // The pool was released above: this opens the file afresh.
        let reopened = try SQLiteRoutingIndex(path: path)
        #expect(try await reopened.journalMode() == "wal")
        #expect(try await reopened.count() == 1_001)
        #expect(try await reopened.lookup(insz: citizen, on: F.today).map(\.tenant) == [F.gent])
        #expect(try await reopened.lookup(insz: F.citizen(1_099), on: F.today).map(\.tenant) == [F.leuven])
    }

    @Test("A lookup searches the primary key by INSZ instead of scanning the table")
    func lookupUsesPrimaryKey() async throws {
        let plan = try await SQLiteRoutingIndex.inMemory().lookupQueryPlan().joined(separator: "\n")
        #expect(plan.contains("USING PRIMARY KEY (insz=?"), "plan: \(plan)")
        #expect(!plan.contains("SCAN"), "plan: \(plan)")
    }

    @Test("A row that no longer holds a valid registration is reported, not returned")
    func corruptRow() {
        let bad = [
            StoredRow(tenant: "Not A Tenant", capacity: "LL", start: "2025-01-01", end: nil),
            StoredRow(tenant: "gent", capacity: "LL", start: "01/01/2025", end: nil),
            StoredRow(tenant: "gent", capacity: "LL", start: "2025-01-01", end: "2024-01-01"),
            StoredRow(tenant: "gent", capacity: "", start: "2025-01-01", end: nil),
        ]
        for row in bad {
            #expect(throws: RoutingIndexError.self) { try row.registration(insz: F.citizen(0)) }
        }
    }

    @Test("registered_at is UTC to the second")
    func registeredAtText() {
        #expect(RegisteredAt.text(Date(timeIntervalSince1970: 1_740_871_800.75)) == "2025-03-01T23:30:00Z")
        #expect(RegisteredAt.text(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
