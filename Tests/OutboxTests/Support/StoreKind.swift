import Foundation
import Outbox
import SQLiteStores
import StoreConformance
import Testing

/// The SQLite stores the outbox compatibility suite runs against here (PostgreSQL runs it in
/// `PostgresStoresTests`).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqliteMemory, sqliteFile

    /// Kinds whose data outlives every store value (a restart with no store left open).
    static let durable: [StoreKind] = [.sqliteFile]

    var testDescription: String { rawValue }

    /// Runs `body` with a factory over a fresh, empty database, removed afterwards.
    func withFactory(_ body: (OutboxStoreFactory) async throws -> Void) async throws {
        switch self {
        case .sqliteMemory:
            // A named in-memory database lives while one of its connections does: the checks
            // keep the stores they open, so a "restart" sees the same rows.
            let name = "outbox-\(UUID().uuidString)"
            try await body(OutboxStoreFactory { ring in try SQLiteOutboxStore.inMemory(named: name, keyRing: ring) })
        case .sqliteFile:
            let directory = try OutboxFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
            try await body(OutboxStoreFactory { ring in try SQLiteOutboxStore(path: path, keyRing: ring) })
        }
    }
}
