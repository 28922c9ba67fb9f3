import OCMWCore
import Testing

@Suite("Retry budget: retries bounded by a share of active requests, with jittered backoff")
struct ResilienceRetryBudgetTests {
    static func budget(active: Int = 0, retries: Int = 0) -> RetryBudget {
        var budget = RetryBudget(
            configuration: .init(
                budgetPercent: 20, minRetryConcurrency: 3, maxAttempts: 3,
                backoffBase: .milliseconds(25), backoffCap: .milliseconds(250)))
        for _ in 0..<active { budget.requestStarted() }
        for _ in 0..<retries { budget.retryStarted() }
        return budget
    }

    @Test(
        "Retries in flight may be max(minimum, 20% of active requests, rounded down)",
        arguments: [(0, 3), (10, 3), (19, 3), (20, 4), (24, 4), (100, 20)])
    func allowanceFollowsActiveRequests(active: Int, allowed: Int) {
        var budget = Self.budget(active: active, retries: allowed - 1)
        #expect(budget.allowedRetryConcurrency == allowed)
        #expect(budget.retryDecision(attemptsMade: 1, idempotent: true, retryable: true) == .retry)
        budget.retryStarted()
        #expect(budget.retryDecision(attemptsMade: 1, idempotent: true, retryable: true) == .denied(.budgetExhausted))
        #expect(budget.budgetDeniedCount == 1)
        budget.retryFinished()
        let allowedAgain = budget.retryAllowed(attemptsMade: 1, idempotent: true, retryable: true)
        #expect(allowedAgain)
    }

    @Test("The allowance shrinks as requests finish")
    func allowanceShrinks() {
        var budget = Self.budget(active: 50, retries: 5)
        #expect(budget.retryDecision(attemptsMade: 1, idempotent: true, retryable: true) == .retry)
        for _ in 0..<25 { budget.requestFinished() }
        #expect(budget.allowedRetryConcurrency == 5)
        #expect(budget.retryDecision(attemptsMade: 1, idempotent: true, retryable: true) == .denied(.budgetExhausted))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let idempotent: Bool
        let retryable: Bool
        let attemptsMade: Int
        let expected: RetryBudget.Decision
        var testDescription: String { "idempotent \(idempotent), retryable \(retryable), \(attemptsMade) made → \(expected)" }
    }

    @Test(
        "Never retries a write, a non-retryable failure, or beyond maxAttempts, however much budget is left",
        arguments: [
            Refusal(idempotent: false, retryable: true, attemptsMade: 1, expected: .denied(.notIdempotent)),
            Refusal(idempotent: true, retryable: false, attemptsMade: 1, expected: .denied(.notRetryable)),
            Refusal(idempotent: false, retryable: false, attemptsMade: 1, expected: .denied(.notIdempotent)),
            Refusal(idempotent: true, retryable: true, attemptsMade: 3, expected: .denied(.attemptsExhausted)),
            Refusal(idempotent: true, retryable: true, attemptsMade: 2, expected: .retry),
        ])
    func refusesWhatMustNotBeRetried(_ refusal: Refusal) {
        var budget = Self.budget(active: 1_000)
        #expect(
            budget.retryDecision(
                attemptsMade: refusal.attemptsMade, idempotent: refusal.idempotent,
                retryable: refusal.retryable) == refusal.expected)
        #expect(budget.budgetDeniedCount == 0)
    }

    @Test(
        "Full jitter: backoff is random × min(cap, base × 2^(attempt-1))",
        arguments: [
            (1, 0.5, 12_500), (2, 0.5, 25_000), (3, 0.5, 50_000), (4, 0.5, 100_000), (5, 0.5, 125_000),
            (9, 0.5, 125_000), (1, 0.0, 0), (3, 0.25, 25_000),
        ])
    func backoffValues(attempt: Int, random: Double, expectedMicroseconds: Int) {
        #expect(Self.budget().backoff(attempt: attempt, random: random) == .microseconds(expectedMicroseconds))
    }

    @Test("Backoff stays within [0, cap] for any attempt and random, and its ceiling grows until the cap")
    func backoffBoundsAndGrowth() {
        let budget = Self.budget()
        let nearlyOne = 0.999_999
        for attempt in 0...200 {
            for random in [0, 0.3, nearlyOne, 1, -1, .nan] {
                let wait = budget.backoff(attempt: attempt, random: random)
                #expect(wait >= .zero && wait <= .milliseconds(250), "attempt \(attempt), random \(random)")
            }
        }
        let ceilings = (1...6).map { budget.backoff(attempt: $0, random: nearlyOne) }
        #expect(zip(ceilings, ceilings.dropFirst()).prefix(4).allSatisfy { $0 < $1 })
        #expect(ceilings[4] == ceilings[5])
    }
}
