import Foundation
import OCMWCore
import SQLiteStores
import StoreConformance

/// What only the routing index tests here need (the rest is shared with the compatibility suite).
extension RoutingFixtures {
    /// The repository's tenants file.
    static let tenantsFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tenants.json")

    static func registry() throws -> TenantRegistry {
        try TenantRegistry(jsonData: Data(contentsOf: tenantsFile))
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("routing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Every implementation of `RoutingIndexStore`, for the compatibility suite.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory, sqliteInMemory, sqliteFile

    var description: String { rawValue }

    /// Runs `body` with a fresh, empty store of this kind, then cleans up.
    func withStore(_ body: (any RoutingIndexStore) async throws -> Void) async throws {
        switch self {
        case .inMemory: try await body(InMemoryRoutingIndex())
        case .sqliteInMemory: try await body(SQLiteRoutingIndex.inMemory())
        case .sqliteFile:
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try await body(SQLiteRoutingIndex(path: directory.path("routing.sqlite")))
        }
    }
}
