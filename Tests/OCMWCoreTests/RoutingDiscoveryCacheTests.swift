import OCMWCore
import Testing

@Suite("Discovery cache: negative answers remembered for a while, in bounded memory")
struct RoutingDiscoveryCacheTests {
    /// A clock that moves only when the test says so.
    struct FakeInstant: InstantProtocol {
        var offset: Duration

        static let zero = FakeInstant(offset: .zero)
        func advanced(by duration: Duration) -> FakeInstant { FakeInstant(offset: offset + duration) }
        func duration(to other: FakeInstant) -> Duration { other.offset - offset }
        static func < (lhs: FakeInstant, rhs: FakeInstant) -> Bool { lhs.offset < rhs.offset }
    }

    typealias Cache = DiscoveryCache<FakeInstant>

    static let gent = TenantID("gent")!
    static let bonheiden = TenantID("bonheiden")!

    /// The `index`-th of a run of distinct valid INSZ numbers (born July 1985, index < 30 000).
    static func citizen(_ index: Int) -> INSZ {
        let firstNine = 850_700_000 + (1 + index / 997) * 1_000 + 1 + index % 997
        let check = 97 - firstNine % 97
        return try! INSZ(parsing: "\(firstNine)\(check < 10 ? "0" : "")\(check)", currentYear: 2026)
    }

    @Test("A negative answer stops probes of that OCMW until its TTL has passed, and only of that OCMW")
    func ttlExpiry() {
        var cache = Cache(configuration: .init(negativeTTL: .seconds(60), maxCitizens: 10))
        let t0 = FakeInstant.zero
        let citizen = Self.citizen(0)
        #expect(cache.shouldProbe(insz: citizen, tenant: Self.gent, now: t0))
        cache.probeAnswered(insz: citizen, tenant: Self.gent, known: false, now: t0)
        #expect(!cache.shouldProbe(insz: citizen, tenant: Self.gent, now: t0.advanced(by: .seconds(59))))
        #expect(cache.shouldProbe(insz: citizen, tenant: Self.bonheiden, now: t0.advanced(by: .seconds(1))))
        #expect(cache.shouldProbe(insz: Self.citizen(1), tenant: Self.gent, now: t0.advanced(by: .seconds(1))))
        #expect(cache.shouldProbe(insz: citizen, tenant: Self.gent, now: t0.advanced(by: .seconds(60))))
        #expect(
            cache.tenantsToProbe(insz: citizen, among: [Self.gent, Self.bonheiden], now: t0.advanced(by: .seconds(30)))
                == [Self.bonheiden])
    }

    @Test("A positive answer or an arriving registration drops the negative answer at once")
    func positiveAnswerClears() {
        var cache = Cache(configuration: .init(negativeTTL: .seconds(60), maxCitizens: 10))
        let citizen = Self.citizen(0)
        cache.probeAnswered(insz: citizen, tenant: Self.gent, known: false, now: .zero)
        cache.probeAnswered(insz: citizen, tenant: Self.bonheiden, known: false, now: .zero)
        cache.probeAnswered(insz: citizen, tenant: Self.gent, known: true, now: .zero)
        #expect(cache.shouldProbe(insz: citizen, tenant: Self.gent, now: .zero))
        #expect(!cache.shouldProbe(insz: citizen, tenant: Self.bonheiden, now: .zero))
        cache.registrationArrived(insz: citizen, tenant: Self.bonheiden)
        #expect(cache.shouldProbe(insz: citizen, tenant: Self.bonheiden, now: .zero))
        #expect(cache.count == 0)
    }

    @Test("When full, the citizen answered longest ago is forgotten first")
    func evictsOldestFirst() {
        var cache = Cache(configuration: .init(negativeTTL: .seconds(600), maxCitizens: 3))
        var now = FakeInstant.zero
        for index in 0..<3 {
            cache.probeAnswered(insz: Self.citizen(index), tenant: Self.gent, known: false, now: now)
            now = now.advanced(by: .seconds(1))
        }
        // Citizen 0 answered again: now the newest, so citizen 1 is the oldest.
        cache.probeAnswered(insz: Self.citizen(0), tenant: Self.bonheiden, known: false, now: now)
        cache.probeAnswered(insz: Self.citizen(3), tenant: Self.gent, known: false, now: now)
        #expect(cache.count == 3)
        #expect(cache.shouldProbe(insz: Self.citizen(1), tenant: Self.gent, now: now))
        #expect(!cache.shouldProbe(insz: Self.citizen(0), tenant: Self.gent, now: now))
        #expect(!cache.shouldProbe(insz: Self.citizen(2), tenant: Self.gent, now: now))
        #expect(!cache.shouldProbe(insz: Self.citizen(3), tenant: Self.gent, now: now))
    }

    @Test("Expired citizens are dropped before live ones are evicted")
    func expiredGoFirst() {
        var cache = Cache(configuration: .init(negativeTTL: .seconds(10), maxCitizens: 100))
        for index in 0..<50 { cache.probeAnswered(insz: Self.citizen(index), tenant: Self.gent, known: false, now: .zero) }
        let later = FakeInstant.zero.advanced(by: .seconds(11))
        cache.probeAnswered(insz: Self.citizen(50), tenant: Self.gent, known: false, now: later)
        #expect(cache.count == 1)
    }

    @Test("A burst of 10 000 unknown citizens never holds more than the bound, and the newest stay")
    func boundedUnderBurst() {
        var cache = Cache(configuration: .init(negativeTTL: .seconds(300), maxCitizens: 1_000))
        var now = FakeInstant.zero
        for index in 0..<10_000 {
            cache.probeAnswered(insz: Self.citizen(index % 5_000), tenant: Self.gent, known: false, now: now)
            now = now.advanced(by: .milliseconds(10))
            #expect(cache.count <= 1_000)
        }
        #expect(cache.count == 1_000)
        #expect(!cache.shouldProbe(insz: Self.citizen(4_999), tenant: Self.gent, now: now))
        #expect(cache.shouldProbe(insz: Self.citizen(3_999), tenant: Self.gent, now: now))
    }

    @Test("A zero TTL or zero size remembers nothing", arguments: [(Duration.zero, 10), (Duration.seconds(60), 0)])
    func disabled(ttl: Duration, size: Int) {
        var cache = Cache(configuration: .init(negativeTTL: ttl, maxCitizens: size))
        cache.probeAnswered(insz: Self.citizen(0), tenant: Self.gent, known: false, now: .zero)
        #expect(cache.shouldProbe(insz: Self.citizen(0), tenant: Self.gent, now: .zero))
        #expect(cache.count == 0)
    }
}
