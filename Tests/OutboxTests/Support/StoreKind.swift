import Foundation
import Outbox
import Testing

/// What the compatibility suite needs of a store: the protocol, plus raw-row facts.
typealias TestableOutboxStore = OutboxStore & OutboxStoreDiagnostics

/// Opens stores over one database. Each `open` is a restart of the proxy: a new store value,
/// possibly with another key ring, over the same data.
struct StoreFactory: Sendable {
    let open: @Sendable (OutboxKeyRing) throws -> any TestableOutboxStore
}

/// The store implementations the compatibility suite runs against. A PostgreSQL store adds a
/// case here (a throwaway database per test) and passes the same suite.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqliteMemory, sqliteFile

    /// Kinds whose data outlives every store value (a restart with no store left open).
    static let durable: [StoreKind] = [.sqliteFile]

    var testDescription: String { rawValue }

    /// Runs `body` with a factory over a fresh, empty database, removed afterwards.
    func withFactory(_ body: (StoreFactory) async throws -> Void) async throws {
        switch self {
        case .sqliteMemory:
            // A named in-memory database lives while one of its connections does: the test
            // keeps the stores it opens, so a "restart" sees the same rows.
            let name = "outbox-\(UUID().uuidString)"
            try await body(StoreFactory { ring in try SQLiteOutboxStore.inMemory(named: name, keyRing: ring) })
        case .sqliteFile:
            let directory = try OutboxFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
            try await body(StoreFactory { ring in try SQLiteOutboxStore(path: path, keyRing: ring) })
        }
    }

    /// Runs `body` with one store (key ring A) over a fresh database.
    func withStore(_ body: (any TestableOutboxStore) async throws -> Void) async throws {
        try await withFactory { factory in try await body(factory.open(OutboxFixtures.ringA)) }
    }
}
