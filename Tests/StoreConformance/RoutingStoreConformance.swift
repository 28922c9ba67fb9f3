import OCMWCore
import Testing

/// What every `RoutingIndexStore` must do: the routing index compatibility suite.
/// `RoutingIndexTests` runs it against the in-memory and SQLite stores, `PostgresStoresTests`
/// against PostgreSQL; each check gets a fresh, empty store.
public enum RoutingStoreConformance {
    typealias F = RoutingFixtures

    /// The checks every store passes.
    public static var checks: [StoreCheck<any RoutingIndexStore>] {
        [registerIsIdempotent, unregisterIsIdempotent, periodsAreRespected, twoOCMWs, importIsIdempotent]
    }

    static let registerIsIdempotent = StoreCheck<any RoutingIndexStore>(
        "Registering twice stores one row; a re-registration replaces the end date"
    ) { store in
        let citizen = F.citizen(0)
        try await store.register(F.registration(citizen, F.gent, from: -10, to: nil))
        try await store.register(F.registration(citizen, F.gent, from: -10, to: nil))
        #expect(try await store.count() == 1)
        try await store.register(F.registration(citizen, F.gent, from: -10, to: 5))
        #expect(try await store.count() == 1)
        let rows = try await store.lookup(insz: citizen, on: F.today)
        #expect(rows.map(\.period.end) == [F.day(5)])
    }

    static let unregisterIsIdempotent = StoreCheck<any RoutingIndexStore>(
        "Unregistering removes the row once; the second time answers false"
    ) { store in
        let citizen = F.citizen(0)
        try await store.register(F.registration(citizen, F.gent, "LL", from: -10, to: nil))
        try await store.register(F.registration(citizen, F.gent, "AFH", from: -10, to: nil))
        #expect(try await store.unregister(insz: citizen, tenant: F.gent, capacity: "LL", start: F.day(-10)))
        #expect(try await !store.unregister(insz: citizen, tenant: F.gent, capacity: "LL", start: F.day(-10)))
        // Same tenant and capacity, other start: a different registration, not removed.
        #expect(try await !store.unregister(insz: citizen, tenant: F.gent, capacity: "AFH", start: F.day(-9)))
        #expect(try await store.count() == 1)
        #expect(try await store.lookup(insz: citizen, on: F.today).map(\.capacity) == ["AFH"])
    }

    static let periodsAreRespected = StoreCheck<any RoutingIndexStore>(
        "Only rows whose period covers the day come back"
    ) { store in
        let citizen = F.citizen(0)
        try await store.importRegistrations([
            F.registration(citizen, F.gent, "ENDED", from: -100, to: -1),  // ended yesterday
            F.registration(citizen, F.gent, "FUTURE", from: 1, to: nil),  // starts tomorrow
            F.registration(citizen, F.gent, "OPEN", from: -100, to: nil),  // open-ended
            F.registration(citizen, F.gent, "ENDSTODAY", from: -100, to: 0),  // last day today
            F.registration(citizen, F.gent, "STARTS", from: 0, to: 30),  // first day today
        ])
        let rows = try await store.lookup(insz: citizen, on: F.today)
        #expect(rows.map(\.capacity) == ["ENDSTODAY", "OPEN", "STARTS"])
        #expect(try await store.lookup(insz: citizen, on: F.day(-1)).map(\.capacity) == ["ENDED", "ENDSTODAY", "OPEN"])
        #expect(try await store.lookup(insz: citizen, on: F.day(1)).map(\.capacity) == ["FUTURE", "OPEN", "STARTS"])
    }

    static let twoOCMWs = StoreCheck<any RoutingIndexStore>(
        "A citizen with dossiers at two OCMWs gets both; another citizen's rows never come back"
    ) { store in
        let citizen = F.citizen(0), neighbour = F.citizen(1)
        try await store.register(F.registration(citizen, F.gent, from: -400, to: nil))
        try await store.register(F.registration(citizen, F.bonheiden, "BB", from: -30, to: 60))
        try await store.register(F.registration(neighbour, F.leuven, from: -30, to: nil))
        let rows = try await store.lookup(insz: citizen, on: F.today)
        #expect(rows.map(\.tenant) == [F.bonheiden, F.gent])
        #expect(rows.allSatisfy { $0.insz == citizen })
        #expect(try await store.lookup(insz: F.citizen(2), on: F.today).isEmpty)
    }

    static let importIsIdempotent = StoreCheck<any RoutingIndexStore>(
        "An import stores every row, reports progress up to its total, and can be run again"
    ) { store in
        let batch = try (0..<25_000).map { try F.registration(F.citizen($0), F.gent, from: -$0 % 900, to: nil) }
        var reports: [(Int, Int?)] = []
        let imported = try await store.importRegistrations(batch) { reports.append(($0, $1)) }
        #expect(imported == 25_000)
        #expect(reports.last?.0 == 25_000)
        #expect(reports.allSatisfy { $0.1 == 25_000 })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 < $1.0 })
        try await store.importRegistrations(batch)
        #expect(try await store.count() == 25_000)
        #expect(try await store.lookup(insz: F.citizen(24_999), on: F.today).count == 1)
    }
}
