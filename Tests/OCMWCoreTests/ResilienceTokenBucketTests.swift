import OCMWCore
import Testing

@Suite("Token bucket: exact refill from elapsed time, capped at the burst")
struct ResilienceTokenBucketTests {
    static func bucket(rate: Double = 10, burst: Int = 5) -> TokenBucket<FakeInstant> {
        TokenBucket(configuration: .init(ratePerSecond: rate, burst: burst))
    }

    @Test("Starts full: the burst passes, the next call does not", arguments: [1, 5, 20])
    func startsFull(burst: Int) {
        var bucket = Self.bucket(burst: burst)
        let taken = (0...burst).map { _ in bucket.tryTake(now: .zero) }
        #expect(taken == Array(repeating: true, count: burst) + [false])
    }

    @Test("Refills exactly one token per 1/rate and keeps the fractions")
    func refillsExactly() {
        var bucket = Self.bucket(rate: 10, burst: 5)
        for _ in 0..<5 { _ = bucket.tryTake(now: .zero) }
        // (at ms, tokens asked, expected). From 100 to 350 ms: 2.5 tokens; the half token is kept
        // for later, not rounded away, so one more is there at 400 ms.
        let steps: [(ms: Int, count: Int, taken: Bool)] = [
            (99, 1, false), (100, 1, true), (100, 1, false), (350, 2, true), (350, 1, false), (399, 1, false), (400, 1, true),
        ]
        let results = steps.map { bucket.tryTake($0.count, now: .ms($0.ms)) }
        #expect(results == steps.map(\.taken))
    }

    @Test("Never holds more than the burst, however long it rests", arguments: [1_000, 3_600_000])
    func capsAtBurst(restMs: Int) {
        var bucket = Self.bucket(rate: 10, burst: 5)
        _ = bucket.tryTake(now: .zero)
        #expect(bucket.available(now: .ms(restMs)) == 5)
        let taken = (0..<6).map { _ in bucket.tryTake(now: .ms(restMs)) }
        #expect(taken == [true, true, true, true, true, false])
    }

    @Test("timeUntilAvailable says when a token is back, and nil for more than the burst")
    func timeUntilAvailable() {
        var bucket = Self.bucket(rate: 3, burst: 2)
        #expect(bucket.timeUntilAvailable(now: .zero) == .zero)
        _ = bucket.tryTake(2, now: .zero)
        let wait = bucket.timeUntilAvailable(now: .zero)
        #expect(wait == .nanoseconds(333_333_334))
        #expect(bucket.timeUntilAvailable(3, now: .zero) == nil)
        let early = bucket.tryTake(now: FakeInstant.zero.advanced(by: .nanoseconds(333_333_000)))
        let due = bucket.tryTake(now: FakeInstant.zero.advanced(by: wait ?? .zero))
        #expect(!early && due)
    }

    @Test("Taking a token whenever one is due does not drift from the configured rate")
    func noDrift() {
        // A burst of 2 leaves room above one token, so a wait rounded up to the nanosecond
        // carries its surplus over to the next token instead of being capped away.
        var bucket = Self.bucket(rate: 3, burst: 2)
        var now = FakeInstant.zero
        _ = bucket.tryTake(2, now: now)
        var taken = 0
        for _ in 0..<3_000 {
            now = now.advanced(by: bucket.timeUntilAvailable(now: now) ?? .seconds(1))
            if bucket.tryTake(now: now) { taken += 1 }
        }
        #expect(taken == 3_000)
        let elapsed = FakeInstant.zero.duration(to: now)
        #expect(elapsed >= .seconds(1_000) - .microseconds(1) && elapsed <= .seconds(1_000) + .microseconds(1), "\(elapsed)")
    }
}
