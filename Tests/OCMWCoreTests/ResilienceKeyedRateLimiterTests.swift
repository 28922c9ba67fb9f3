import OCMWCore
import Testing

@Suite("Keyed rate limiter: one bucket per caller, bounded memory")
struct ResilienceKeyedRateLimiterTests {
    typealias Limiter = KeyedRateLimiter<String, FakeInstant>

    @Test("Each key has its own burst and rate; a refused take says how long to wait")
    func keysAreIndependent() {
        var limiter = Limiter(configuration: .init(ratePerSecond: 2, burst: 3))
        let portal = (0..<4).map { _ in limiter.take("portal", now: .zero) }
        #expect(portal.prefix(3).allSatisfy { $0 == nil })
        #expect(portal[3] == .milliseconds(500))
        #expect(limiter.take("other", now: .zero) == nil, "another caller is not held back")
        #expect(limiter.take("portal", now: .ms(499)) != nil)
        #expect(limiter.take("portal", now: .ms(500)) == nil)
    }

    @Test("Past maxKeys, refilled buckets are forgotten first, and memory stays bounded")
    func memoryIsBounded() {
        var limiter = Limiter(configuration: .init(ratePerSecond: 1, burst: 2), maxKeys: 3)
        for key in ["a", "b", "c"] { #expect(limiter.take(key, now: .zero) == nil) }
        // At 1 s, a, b and c are full again: forgetting them loses nothing.
        #expect(limiter.take("d", now: .ms(1_000)) == nil)
        #expect(limiter.keyCount == 1)
        // Three keys in use: e and f empty, d one token short. A fourth evicts the fullest (d),
        // and memory never grows past three.
        for key in ["e", "f"] {
            #expect(limiter.take(key, now: .ms(1_000)) == nil)
            #expect(limiter.take(key, now: .ms(1_000)) == nil)
        }
        #expect(limiter.take("g", now: .ms(1_000)) == nil)
        #expect(limiter.keyCount == 3)
        // The keys in use keep their state: e is still empty.
        #expect(limiter.take("e", now: .ms(1_000)) == .seconds(1))
    }
}
