import Foundation
import OCMWCore
import RoutingIndex

/// Values shared by the routing index tests.
enum RoutingFixtures {
    static let gent = TenantID("gent")!
    static let bonheiden = TenantID("bonheiden")!
    static let leuven = TenantID("leuven")!

    /// The day the tests take as today.
    static let today = DayDate(iso8601: "2025-06-15")!

    static func day(_ offset: Int) -> DayDate { today.adding(days: offset)! }

    /// The `index`-th of a run of distinct valid INSZ numbers (born July 1985, index < 30 000).
    static func citizen(_ index: Int) -> INSZ {
        let firstNine = 850_700_000 + (1 + index / 997) * 1_000 + 1 + index % 997
        let check = 97 - firstNine % 97
        return try! INSZ(parsing: "\(firstNine)\(check < 10 ? "0" : "")\(check)", currentYear: 2026)
    }

    static func registration(_ citizen: INSZ, _ tenant: TenantID, _ capacity: String = "LL",
                             from start: Int, to end: Int?) throws -> RoutingRegistration {
        try RoutingRegistration(insz: citizen, tenant: tenant, capacity: capacity, start: day(start), end: end.map(day))
    }

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
