import Admission
import Testing

@Suite("Gradient concurrency limit")
struct GradientLimitTests {
    let configuration = GradientLimitConfiguration(
        minLimit: 4, maxLimit: 100, initialLimit: 20, tolerance: 2, smoothing: 0.5, minLatencyWindow: .seconds(10))

    @Test("Latency at the minimum with the limit in use grows the limit, up to its maximum")
    func growsNearTheMinimum() {
        var limit = GradientLimit<TestInstant>(configuration: configuration)
        var previous = limit.limit
        for step in 0..<10 {
            limit.sampled(latency: .milliseconds(10), inFlight: limit.limit, now: .ms(step))
            #expect(limit.limit >= previous)
            previous = limit.limit
        }
        #expect(limit.limit > 20)
        for step in 10..<200 { limit.sampled(latency: .milliseconds(10), inFlight: limit.limit, now: .ms(step)) }
        #expect(limit.limit == 100)
    }

    @Test("An idle proxy does not grow its limit: few requests in flight prove nothing about more")
    func idleDoesNotGrow() {
        var limit = GradientLimit<TestInstant>(configuration: configuration)
        for step in 0..<50 { limit.sampled(latency: .milliseconds(10), inFlight: 1, now: .ms(step)) }
        #expect(limit.limit == 20)
    }

    @Test("Latency far above the minimum shrinks the limit, down to its minimum and no further")
    func shrinksWhenLatencyRises() {
        var limit = GradientLimit<TestInstant>(configuration: configuration)
        limit.sampled(latency: .milliseconds(10), inFlight: 20, now: .ms(0))
        var previous = limit.limit
        for step in 1..<100 {
            limit.sampled(latency: .milliseconds(200), inFlight: 20, now: .ms(step))
            #expect(limit.limit <= previous)
            previous = limit.limit
        }
        #expect(limit.limit == 4)
        #expect(limit.minimumLatency == .milliseconds(10))
    }

    @Test("Latency within the tolerance (twice the minimum) does not shrink the limit")
    func toleratesModestRise() {
        var limit = GradientLimit<TestInstant>(configuration: configuration)
        limit.sampled(latency: .milliseconds(10), inFlight: 20, now: .ms(0))
        for step in 1..<50 { limit.sampled(latency: .milliseconds(19), inFlight: 20, now: .ms(step)) }
        #expect(limit.limit >= 20)
    }

    @Test("The minimum latency is measured afresh: after two windows an old minimum is forgotten")
    func minimumFollowsTheWindow() {
        var limit = GradientLimit<TestInstant>(configuration: configuration)
        limit.sampled(latency: .milliseconds(5), inFlight: 1, now: .ms(0))
        limit.sampled(latency: .milliseconds(30), inFlight: 1, now: .ms(10_000))
        #expect(limit.minimumLatency == .milliseconds(5))
        limit.sampled(latency: .milliseconds(40), inFlight: 1, now: .ms(20_000))
        #expect(limit.minimumLatency == .milliseconds(30))
    }

    @Test("Below the latency floor, jitter over a tiny minimum does not shrink the limit; without the floor it does")
    func latencyFloor() {
        var floored = GradientLimit<TestInstant>(configuration: configuration)
        var bare = GradientLimit<TestInstant>(
            configuration: .init(minLimit: 4, maxLimit: 100, initialLimit: 20, smoothing: 0.5, latencyFloor: .zero))
        for step in 0..<50 {
            let latency: Duration = step == 0 ? .milliseconds(1) : .milliseconds(8)
            floored.sampled(latency: latency, inFlight: 20, now: .ms(step))
            bare.sampled(latency: latency, inFlight: 20, now: .ms(step))
        }
        #expect(floored.limit >= 20)
        #expect(bare.limit < 20)
    }
}
