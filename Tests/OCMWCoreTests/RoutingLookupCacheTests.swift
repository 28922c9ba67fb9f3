import OCMWCore
import Synchronization
import Testing

@Suite("Routing look-up cache: own writes seen at once, others' after the TTL, bounded")
struct RoutingLookupCacheTests {
    /// A clock that moves only when the test says so.
    final class FakeClock: Sendable {
        private let start = ContinuousClock.now
        private let offset = Mutex(Duration.zero)
        func advance(by duration: Duration) { offset.withLock { $0 += duration } }
        var now: ContinuousClock.Instant { start.advanced(by: offset.withLock { $0 }) }
    }

    static let gent = TenantID("gent")!
    static let bonheiden = TenantID("bonheiden")!
    static let today = DayDate(year: 2026, month: 11, day: 25)!

    static func registration(_ insz: INSZ, _ tenant: TenantID) throws -> RoutingRegistration {
        try RoutingRegistration(
            insz: insz, tenant: tenant, capacity: "LL",
            start: DayDate(year: 2024, month: 1, day: 1)!, end: nil)
    }

    static func citizen(_ index: Int) -> INSZ { RoutingDiscoveryCacheTests.citizen(index) }

    @Test("A registration or unregistration through the cache is visible on the next read")
    func ownWritesInvalidate() async throws {
        let base = InMemoryRoutingIndex()
        let clock = FakeClock()
        let index = CachingRoutingIndex(wrapping: base, now: { clock.now })
        let citizen = Self.citizen(0)
        #expect(try await index.lookup(insz: citizen, on: Self.today).isEmpty)
        try await index.register(try Self.registration(citizen, Self.gent))
        #expect(try await index.lookup(insz: citizen, on: Self.today).map(\.tenant) == [Self.gent])
        try await index.register(try Self.registration(citizen, Self.bonheiden))
        #expect(try await index.lookup(insz: citizen, on: Self.today).map(\.tenant) == [Self.bonheiden, Self.gent])
        _ = try await index.unregister(
            insz: citizen, tenant: Self.gent, capacity: "LL",
            start: DayDate(year: 2024, month: 1, day: 1)!)
        #expect(try await index.lookup(insz: citizen, on: Self.today).map(\.tenant) == [Self.bonheiden])
        try await index.importRegistrations([try Self.registration(citizen, Self.gent)])
        #expect(try await index.lookup(insz: citizen, on: Self.today).count == 2)
    }

    @Test("A write the cache did not see (another instance) is read once the TTL has passed")
    func answersExpire() async throws {
        let base = InMemoryRoutingIndex()
        let clock = FakeClock()
        let index = CachingRoutingIndex(wrapping: base, configuration: .init(ttl: .seconds(60)), now: { clock.now })
        let citizen = Self.citizen(1)
        #expect(try await index.lookup(insz: citizen, on: Self.today).isEmpty)
        await base.register(try Self.registration(citizen, Self.gent))
        clock.advance(by: .seconds(59))
        #expect(try await index.lookup(insz: citizen, on: Self.today).isEmpty, "still the cached answer")
        clock.advance(by: .seconds(1))
        #expect(try await index.lookup(insz: citizen, on: Self.today).map(\.tenant) == [Self.gent])
        #expect(
            try await index.lookup(insz: citizen, on: Self.today.adding(days: 1)!).map(\.tenant) == [Self.gent],
            "another day is another question")
    }

    @Test("At most maxEntries citizens are kept; the oldest is forgotten first")
    func bounded() async throws {
        let base = InMemoryRoutingIndex()
        let clock = FakeClock()
        let index = CachingRoutingIndex(
            wrapping: base, configuration: .init(ttl: .seconds(60), maxEntries: 3),
            now: { clock.now })
        for number in 0..<10 {
            _ = try await index.lookup(insz: Self.citizen(number), on: Self.today)
            #expect(index.cachedCitizens <= 3)
        }
        #expect(index.cachedCitizens == 3)
        // Citizen 0 was forgotten: a change behind the cache's back is read at once.
        await base.register(try Self.registration(Self.citizen(0), Self.gent))
        await base.register(try Self.registration(Self.citizen(9), Self.gent))
        #expect(try await index.lookup(insz: Self.citizen(0), on: Self.today).map(\.tenant) == [Self.gent])
        #expect(try await index.lookup(insz: Self.citizen(9), on: Self.today).isEmpty, "citizen 9 is still cached")
    }

    @Test("A TTL of zero caches nothing")
    func disabled() async throws {
        let base = InMemoryRoutingIndex()
        let index = CachingRoutingIndex(wrapping: base, configuration: .init(ttl: .zero))
        let citizen = Self.citizen(2)
        _ = try await index.lookup(insz: citizen, on: Self.today)
        await base.register(try Self.registration(citizen, Self.gent))
        #expect(try await index.lookup(insz: citizen, on: Self.today).map(\.tenant) == [Self.gent])
        #expect(index.cachedCitizens == 0)
    }
}
