import OCMWCore
import Testing

@Suite("Deadline budget: backend timeouts clamped to the caller's deadline")
struct ResilienceDeadlineBudgetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let scenario: String
        /// What is left of the caller's deadline; `nil` when it has none.
        let remaining: Duration?
        /// Expected (total, connect) in milliseconds; `nil` when exhausted.
        let expected: (total: Int, connect: Int)?
        var testDescription: String { scenario }
    }

    static let cases: [Case] = [
        .init(scenario: "no caller deadline: the tenant's timeouts", remaining: nil, expected: (3_000, 1_000)),
        .init(scenario: "a far deadline: the tenant's timeouts", remaining: .seconds(10), expected: (3_000, 1_000)),
        .init(scenario: "a nearer deadline cuts the total", remaining: .milliseconds(2_000), expected: (2_000, 1_000)),
        .init(scenario: "a deadline nearer than the connect timeout cuts both", remaining: .milliseconds(400), expected: (400, 400)),
        .init(scenario: "fractions of a millisecond are dropped", remaining: .microseconds(1_900), expected: (1, 1)),
        .init(scenario: "under a millisecond is exhausted", remaining: .microseconds(900), expected: nil),
        .init(scenario: "a deadline reached is exhausted", remaining: .zero, expected: nil),
        .init(scenario: "a deadline passed is exhausted", remaining: .milliseconds(-5), expected: nil),
    ]

    @Test("The call gets min(tenant timeout, time left), or nothing when no time is left", arguments: cases)
    func clampsToDeadline(_ testCase: Case) {
        let now = FakeInstant.ms(1_000)
        let limits = TenantLimits(connectTimeoutMs: 1_000, totalTimeoutMs: 3_000, maxInFlight: 8, maxResponseBytes: 4_096)
        let budget = limits.deadlineBudget(deadline: testCase.remaining.map { now.advanced(by: $0) }, now: now)
        #expect(budget?.totalTimeoutMs == testCase.expected?.total)
        #expect(budget?.connectTimeoutMs == testCase.expected?.connect)
        #expect(budget?.totalTimeout == testCase.expected.map { .milliseconds($0.total) })
    }
}
