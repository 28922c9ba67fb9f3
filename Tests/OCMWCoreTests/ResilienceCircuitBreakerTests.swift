import OCMWCore
import Testing

@Suite("Circuit breaker: opens on failure or slow-call rate, recovers through trial calls")
struct ResilienceCircuitBreakerTests {
    typealias Breaker = CircuitBreaker<FakeInstant>

    /// 10 calls minimum, 50% failures or 80% slow calls (≥ 800 ms) open it for 5 s; 3 trials.
    static func breaker() -> Breaker {
        Breaker(
            configuration: .init(
                failureRateThreshold: 0.5, slowCallRateThreshold: 0.8,
                slowCallDuration: .milliseconds(800), minimumCalls: 10,
                windowDuration: .seconds(10), bucketCount: 10, openDuration: .seconds(5),
                halfOpenTrialCalls: 3))
    }

    static let fast = Duration.milliseconds(100)
    static let slow = Duration.milliseconds(800)

    /// Runs one call through the breaker; `nil` as the first element when it was rejected.
    @discardableResult
    static func call(
        _ breaker: inout Breaker, _ outcome: CallOutcome, duration: Duration = fast,
        at now: FakeInstant
    ) -> (ticket: CircuitTicket?, transition: Breaker.Transition?) {
        guard case .allow(let ticket) = breaker.permit(now: now) else { return (nil, nil) }
        return (ticket, breaker.record(outcome: outcome, duration: duration, now: now, ticket: ticket))
    }

    /// Runs `calls` in order at `now` and returns every transition they caused.
    static func run(_ breaker: inout Breaker, _ calls: [(CallOutcome, Duration)], at now: FakeInstant) -> [Breaker.Transition] {
        calls.compactMap { call(&breaker, $0.0, duration: $0.1, at: now).transition }
    }

    static func opened(_ breaker: inout Breaker, at now: FakeInstant) {
        _ = run(&breaker, Array(repeating: (.failure, fast), count: 10), at: now)
    }

    struct Mix: Sendable, CustomTestStringConvertible {
        let successes: Int
        let failures: Int
        let slowSuccesses: Int
        let expected: [Breaker.Transition]
        var testDescription: String { "\(successes) ok, \(failures) failed, \(slowSuccesses) slow → \(expected)" }
    }

    static let mixes: [Mix] = [
        .init(successes: 5, failures: 5, slowSuccesses: 0, expected: [.opened(.failureRate)]),
        .init(successes: 6, failures: 4, slowSuccesses: 0, expected: []),
        .init(successes: 0, failures: 9, slowSuccesses: 0, expected: []),
        .init(successes: 0, failures: 10, slowSuccesses: 0, expected: [.opened(.failureRate)]),
        .init(successes: 2, failures: 0, slowSuccesses: 8, expected: [.opened(.slowCallRate)]),
        .init(successes: 3, failures: 0, slowSuccesses: 7, expected: []),
        .init(successes: 0, failures: 0, slowSuccesses: 9, expected: []),
        .init(successes: 0, failures: 0, slowSuccesses: 100, expected: [.opened(.slowCallRate)]),
        .init(successes: 1_000, failures: 0, slowSuccesses: 0, expected: []),
    ]

    @Test("Opens on failure rate or slow-call rate, and never below minimumCalls", arguments: mixes)
    func opensOnRates(_ mix: Mix) {
        var breaker = Self.breaker()
        let calls =
            Array(repeating: (CallOutcome.success, Self.fast), count: mix.successes)
            + Array(repeating: (.success, Self.slow), count: mix.slowSuccesses)
            + Array(repeating: (.failure, Self.fast), count: mix.failures)
        #expect(Self.run(&breaker, calls, at: .ms(10)) == mix.expected)
        #expect(breaker.state == (mix.expected.isEmpty ? .closed : .open))
    }

    @Test("Outcomes the caller ignores (404, own 4xx, cancellation) do not count")
    func ignoredOutcomesDoNotCount() {
        var breaker = Self.breaker()
        let calls =
            Array(repeating: (CallOutcome.ignored, Self.slow), count: 50)
            + Array(repeating: (.failure, Self.fast), count: 9)
        #expect(Self.run(&breaker, calls, at: .zero) == [])
        #expect(breaker.snapshot(now: .zero).window == .init(calls: 9, failures: 9, slowCalls: 0))
    }

    @Test("Rejects at once while open, until openDuration has passed")
    func rejectsWhileOpen() {
        var breaker = Self.breaker()
        Self.opened(&breaker, at: .zero)
        #expect(breaker.permit(now: .ms(1)) == .rejectOpen)
        #expect(breaker.permit(now: .ms(4_999)) == .rejectOpen)
        #expect(breaker.rejectedCount == 2)
        #expect(breaker.openedCount == 1)
        #expect(breaker.snapshot(now: .ms(4_000)).openRemaining == .seconds(1))
        #expect(breaker.snapshot(now: .ms(5_000)).state == .halfOpen)
    }

    @Test("Half-open admits exactly halfOpenTrialCalls trials and rejects the rest")
    func halfOpenAdmitsTrials() {
        var breaker = Self.breaker()
        Self.opened(&breaker, at: .zero)
        let permits = (0..<5).map { _ in breaker.permit(now: .ms(5_000)) }
        #expect(
            permits.map { if case .allow(let ticket) = $0 { ticket.isTrial } else { false } }
                == [true, true, true, false, false])
        #expect(permits.suffix(2) == [.rejectOpen, .rejectOpen])
        #expect(breaker.state == .halfOpen)
    }

    @Test("All trials succeeding closes the circuit with an empty window")
    func closesAfterTrials() {
        var breaker = Self.breaker()
        Self.opened(&breaker, at: .zero)
        let tickets = (0..<3).compactMap { _ -> CircuitTicket? in
            if case .allow(let ticket) = breaker.permit(now: .ms(5_000)) { ticket } else { nil }
        }
        let transitions = tickets.map { breaker.record(outcome: .success, duration: Self.fast, now: .ms(5_100), ticket: $0) }
        #expect(transitions == [nil, nil, .closed])
        #expect(breaker.state == .closed)
        #expect(breaker.snapshot(now: .ms(5_100)).window == .init())
        // One failure after closing must not reopen: the old failures are gone.
        #expect(Self.call(&breaker, .failure, at: .ms(5_200)).transition == nil)
    }

    struct TrialVerdict: Sendable, CustomTestStringConvertible {
        let outcome: CallOutcome
        let duration: Duration
        var testDescription: String { "\(outcome) in \(duration)" }
    }

    @Test(
        "A failed or slow trial opens the circuit again; the other trials no longer count",
        arguments: [
            TrialVerdict(outcome: .failure, duration: .milliseconds(50)),
            TrialVerdict(outcome: .success, duration: .milliseconds(900)),
        ])
    func reopensOnBadTrial(_ verdict: TrialVerdict) {
        var breaker = Self.breaker()
        Self.opened(&breaker, at: .zero)
        guard case .allow(let first) = breaker.permit(now: .ms(5_000)),
            case .allow(let second) = breaker.permit(now: .ms(5_000))
        else {
            Issue.record("no trial admitted")
            return
        }
        #expect(breaker.record(outcome: .success, duration: Self.fast, now: .ms(5_010), ticket: first) == nil)
        #expect(
            breaker.record(outcome: verdict.outcome, duration: verdict.duration, now: .ms(5_020), ticket: second)
                == .opened(.trialFailed))
        #expect(breaker.state == .open)
        #expect(breaker.permit(now: .ms(5_030)) == .rejectOpen)
        #expect(breaker.permit(now: .ms(10_019)) == .rejectOpen)
        #expect(breaker.openedCount == 2)
    }

    @Test("An ignored trial frees its slot for another trial")
    func ignoredTrialFreesSlot() {
        var breaker = Self.breaker()
        Self.opened(&breaker, at: .zero)
        var tickets: [CircuitTicket] = []
        for _ in 0..<3 { if case .allow(let ticket) = breaker.permit(now: .ms(5_000)) { tickets.append(ticket) } }
        #expect(breaker.permit(now: .ms(5_000)) == .rejectOpen)
        _ = breaker.record(outcome: .ignored, duration: Self.fast, now: .ms(5_001), ticket: tickets[0])
        guard case .allow(let replacement) = breaker.permit(now: .ms(5_002)) else {
            Issue.record("the freed trial slot was not reused")
            return
        }
        #expect(replacement.isTrial)
    }

    @Test("A call let through before the circuit opened does not count as a trial")
    func staleTicketIsIgnored() {
        var breaker = Self.breaker()
        guard case .allow(let early) = breaker.permit(now: .zero) else {
            Issue.record("closed breaker rejected")
            return
        }
        Self.opened(&breaker, at: .ms(1))
        #expect(breaker.record(outcome: .success, duration: Self.fast, now: .ms(5_001), ticket: early) == nil)
        _ = breaker.permit(now: .ms(5_002))
        #expect(breaker.record(outcome: .failure, duration: Self.fast, now: .ms(5_003), ticket: early) == nil)
        #expect(breaker.state == .halfOpen)
    }

    @Test("Failures age out of the window after windowDuration", arguments: [(9_999, true), (10_000, false), (30_000, false)])
    func oldFailuresAgeOut(laterMs: Int, opens: Bool) {
        var breaker = Self.breaker()
        #expect(Self.run(&breaker, Array(repeating: (.failure, Self.fast), count: 9), at: .zero) == [])
        let transition = Self.call(&breaker, .failure, at: .ms(laterMs)).transition
        #expect(transition == (opens ? .opened(.failureRate) : nil))
        #expect(breaker.snapshot(now: .ms(laterMs)).window.calls == (opens ? 10 : 1))
    }
}
