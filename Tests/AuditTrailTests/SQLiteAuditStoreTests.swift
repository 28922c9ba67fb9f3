import Foundation
import Testing

@testable import AuditTrail
@testable import SQLiteStores

@Suite("SQLite audit store")
struct SQLiteAuditStoreTests {
    typealias F = AuditFixtures

    @Test(
        "UPDATE of an audit record is refused by the database",
        arguments: [
            "UPDATE audit_record SET outcome = 'ok'",
            "UPDATE audit_record SET citizen = NULL WHERE id = 1",
            "UPDATE audit_record SET time_us = 0",
            "INSERT OR REPLACE INTO audit_record (id, time_us, client_id, tenants, parts, action, outcome, http_status, request_id) "
                + "VALUES (1, 0, 'x', '[]', '[]', 'read', 'ok', 200, 'x')",
        ])
    func updateRefused(sql: String) async throws {
        let store = try SQLiteAuditStore.inMemory()
        try await store.append(F.record(at: 0, outcome: .denied))
        await #expect(throws: (any Error).self) { try await store.executeRaw(sql) }
        #expect(try await store.records(from: .distantPast, to: .distantFuture) == [F.record(at: 0, outcome: .denied)])
    }

    @Test(
        "DELETE outside retention is refused, even of a single recent row",
        arguments: [
            "DELETE FROM audit_record",
            "DELETE FROM audit_record WHERE id = 2",
            "DELETE FROM audit_record WHERE client_id = 'mbp-portal'",
        ])
    func deleteRefused(sql: String) async throws {
        let store = try SQLiteAuditStore.inMemory()
        try await store.append(contentsOf: [F.record(at: 0), F.record(at: 1)])
        await #expect(throws: (any Error).self) { try await store.executeRaw(sql) }
        #expect(try await store.count() == 2)
    }

    @Test("After retention, only rows older than the cutoff may be deleted by hand")
    func deleteBelowCutoffOnly() async throws {
        let store = try SQLiteAuditStore.inMemory()
        try await store.append(contentsOf: [F.record(at: -100), F.record(at: -50), F.record(at: 0)])
        #expect(try await store.deleteOlder(than: F.base.addingTimeInterval(-99)) == 1)
        // Nothing is older than the cutoff now; the next row is still protected.
        await #expect(throws: (any Error).self) { try await store.executeRaw("DELETE FROM audit_record WHERE id = 2") }
        #expect(try await store.count() == 2)
    }

    @Test(
        "The retention cutoff only moves forward, and its table keeps exactly one row",
        arguments: [
            "UPDATE audit_retention SET cutoff_us = 0",
            "DELETE FROM audit_retention",
            "INSERT INTO audit_retention (cutoff_us) VALUES (9223372036854775807)",
        ])
    func cutoffGuarded(sql: String) async throws {
        let store = try SQLiteAuditStore.inMemory()
        try await store.deleteOlder(than: F.base)
        let cutoff = try await store.retentionCutoffMicroseconds()
        await #expect(throws: (any Error).self) { try await store.executeRaw(sql) }
        #expect(try await store.retentionCutoffMicroseconds() == cutoff)
        // An older cutoff asked later removes nothing and leaves the cutoff where it was.
        try await store.append(F.record(at: -10))
        #expect(try await store.deleteOlder(than: F.base.addingTimeInterval(-3600)) == 0)
        #expect(try await store.retentionCutoffMicroseconds() == cutoff)
        #expect(try await store.count() == 1)
    }

    @Test("A file store is in WAL mode and keeps its records across reopening")
    func survivesReopen() async throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteAuditStore.defaultFileName).path
        let records = (0..<10).map { F.record(at: Double($0), citizen: $0) }
        do {
            let store = try SQLiteAuditStore(path: path)
            try await store.append(contentsOf: records)
            #expect(try await store.journalMode() == "wal")
        }
        let reopened = try SQLiteAuditStore(path: path)
        #expect(try await reopened.records(from: .distantPast, to: .distantFuture) == records)
        // The triggers came back with it.
        await #expect(throws: (any Error).self) { try await reopened.executeRaw("DELETE FROM audit_record") }
    }

    @Test("A record without citizen and with odd strings reads back unchanged")
    func oddValues() async throws {
        let store = try SQLiteAuditStore.inMemory()
        let record = AuditRecord(
            time: F.base, clientID: "client, \"quoted\"\nline", citizen: nil, tenants: [], parts: ["a;b", "é"],
            action: .registration, outcome: .invalid, httpStatus: 400, requestID: "=1+1")
        try await store.append(record)
        #expect(try await store.records(from: F.base, to: F.base.addingTimeInterval(1)) == [record])
    }
}
