/// How much retrying one tenant's backend may take.
public struct RetryBudgetConfiguration: Sendable, Equatable {
    /// Retries in flight may be this percentage of active requests (0–100).
    public var budgetPercent: Double
    /// Retries always allowed in flight, however few requests are active.
    public var minRetryConcurrency: Int
    /// Attempts per request, the first included: 1 never retries.
    public var maxAttempts: Int
    /// Upper bound of the first retry's backoff; doubles per retry.
    public var backoffBase: Duration
    /// Ceiling of any backoff.
    public var backoffCap: Duration

    public init(
        budgetPercent: Double = 20, minRetryConcurrency: Int = 3, maxAttempts: Int = 2,
        backoffBase: Duration = .milliseconds(25), backoffCap: Duration = .milliseconds(250)
    ) {
        self.budgetPercent = budgetPercent
        self.minRetryConcurrency = minRetryConcurrency
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
    }
}

/// Envoy's retry budget for one tenant: retries in flight stay a fraction of active requests, so
/// when a backend struggles, retries cannot multiply its load (a retry storm).
///
/// Pure bookkeeping with no clock; the owner keeps it behind a lock and reports every request and
/// retry start and finish. Only idempotent reads are retried, and only after failures the caller
/// deems retryable (connect failures, 5xx): never after a timeout the backend may still be
/// working on, never a 4xx.
public struct RetryBudget: Sendable {
    /// Why a retry was refused.
    public enum Denial: String, Sendable, Equatable {
        case notIdempotent, notRetryable, attemptsExhausted, budgetExhausted
    }

    /// The answer to `retryDecision`.
    public enum Decision: Sendable, Equatable {
        case retry
        case denied(Denial)
    }

    public let configuration: RetryBudgetConfiguration
    /// Original requests in flight (retries not counted).
    public private(set) var activeRequests = 0
    /// Retries in flight.
    public private(set) var activeRetries = 0
    /// Retries refused for want of budget since creation (for the status page).
    public private(set) var budgetDeniedCount = 0

    public init(configuration: RetryBudgetConfiguration) {
        self.configuration = configuration
    }

    /// Retries allowed in flight right now: `max(minRetryConcurrency, budgetPercent% of active)`,
    /// the percentage rounded down.
    public var allowedRetryConcurrency: Int {
        let share = (configuration.budgetPercent / 100 * Double(activeRequests)).rounded(.down)
        return max(configuration.minRetryConcurrency, share.isFinite ? Int(share) : 0)
    }

    public mutating func requestStarted() { activeRequests += 1 }
    public mutating func requestFinished() { activeRequests = max(activeRequests - 1, 0) }
    public mutating func retryStarted() { activeRetries += 1 }
    public mutating func retryFinished() { activeRetries = max(activeRetries - 1, 0) }

    /// Whether a request that just failed may be tried again. Call `retryStarted` if it is.
    /// - Parameters:
    ///   - attemptsMade: Attempts so far, the first included (1 after the first failure).
    ///   - idempotent: Whether the request is a read that may safely be repeated.
    ///   - retryable: Whether the failure is one a retry may cure (connect failure, 5xx).
    public mutating func retryDecision(attemptsMade: Int, idempotent: Bool, retryable: Bool) -> Decision {
        guard idempotent else { return .denied(.notIdempotent) }
        guard retryable else { return .denied(.notRetryable) }
        guard attemptsMade < configuration.maxAttempts else { return .denied(.attemptsExhausted) }
        guard activeRetries < allowedRetryConcurrency else {
            budgetDeniedCount += 1
            return .denied(.budgetExhausted)
        }
        return .retry
    }

    /// `retryDecision` as a yes or no.
    public mutating func retryAllowed(attemptsMade: Int, idempotent: Bool, retryable: Bool) -> Bool {
        retryDecision(attemptsMade: attemptsMade, idempotent: idempotent, retryable: retryable) == .retry
    }

    /// How long to wait before the next attempt, with "full jitter": a uniform pick in
    /// `0..<min(cap, base × 2^(attempt-1))`. Full rather than equal jitter because
    /// it spreads simultaneous failures the most, and our budget, not the wait, bounds the load.
    /// - Parameters:
    ///   - attempt: Attempts made so far, as for `retryDecision` (1 before the first retry).
    ///   - random: A uniform random number in `0..<1`, injected so tests are exact.
    public func backoff(attempt: Int, random: Double) -> Duration {
        // Doubling in Double cannot overflow; the cap bounds the result anyway.
        let doublings = min(max(attempt - 1, 0), 62)
        let exponential = Double(configuration.backoffBase.wholeNanoseconds) * Double(UInt64(1) << doublings)
        let ceiling = max(min(Double(configuration.backoffCap.wholeNanoseconds), exponential), 0)
        let fraction = random.isFinite ? min(max(random, 0), 1) : 0
        return .nanoseconds(Int64(ceiling * fraction))
    }
}
