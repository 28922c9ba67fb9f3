import AuditTrail
import Foundation
import OCMWCore
import SQLiteStores

/// Test data: valid INSZ numbers, a fixed key, records at chosen times.
enum AuditFixtures {
    static let key = [UInt8](repeating: 0x5a, count: 32)
    static let otherKey = [UInt8](repeating: 0xa5, count: 32)
    static let pseudonymizer = try! INSZPseudonymizer(keyBytes: key)
    static let gent = TenantID("gent")!
    static let aalst = TenantID("aalst")!
    /// 2026-11-15T12:00:00Z.
    static let base = Date(timeIntervalSince1970: 1_794_744_000)

    /// The `index`th valid national number of someone born on 30 July 1985.
    static func citizen(_ index: Int) -> INSZ {
        let sequence = 1 + index % 997
        let firstNine = 850_730_000 + sequence
        let check = 97 - firstNine % 97
        let text = String(firstNine) + (check < 10 ? "0" : "") + String(check)
        return try! INSZ(parsing: text, currentYear: 2026)
    }

    /// A record `offset` seconds after `base`.
    static func record(
        at offset: TimeInterval, citizen index: Int = 0, client: String = "mbp-portal",
        outcome: AuditOutcome = .ok, request: String? = nil
    ) -> AuditRecord {
        AuditRecord(
            time: base.addingTimeInterval(offset), clientID: client,
            citizen: pseudonymizer.pseudonym(for: citizen(index)), tenants: [gent, aalst],
            parts: ["payments", "requests"], action: .read, outcome: outcome, httpStatus: 200,
            requestID: request ?? "req-\(Int(offset))-\(index)")
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The store implementations every compatibility test runs against.
enum StoreKind: String, CaseIterable, Sendable {
    case memory, sqliteMemory, sqliteFile

    func withStore(_ body: (any AuditStore) async throws -> Void) async throws {
        switch self {
        case .memory: try await body(InMemoryAuditStore())
        case .sqliteMemory: try await body(SQLiteAuditStore.inMemory())
        case .sqliteFile:
            let directory = try AuditFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try await body(SQLiteAuditStore(path: directory.appendingPathComponent("audit.sqlite").path))
        }
    }
}
