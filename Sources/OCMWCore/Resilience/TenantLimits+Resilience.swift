extension TenantLimits {
    /// The tenant's bulkhead settings.
    public var bulkhead: BulkheadConfiguration {
        BulkheadConfiguration(maxInFlight: maxInFlight, queueSize: queueSize, maxWait: .milliseconds(queueTimeoutMs))
    }

    /// The tenant's circuit breaker settings; compare them across reloads to keep the breaker.
    public var circuitBreaker: CircuitBreakerConfiguration {
        CircuitBreakerConfiguration(
            failureRateThreshold: breakerFailureRate, slowCallRateThreshold: breakerSlowCallRate,
            slowCallDuration: .milliseconds(breakerSlowCallMs), minimumCalls: breakerMinimumCalls,
            windowDuration: .milliseconds(breakerWindowMs), openDuration: .milliseconds(breakerOpenMs),
            halfOpenTrialCalls: breakerHalfOpenCalls)
    }

    /// The tenant's retry budget settings.
    public var retryBudget: RetryBudgetConfiguration {
        RetryBudgetConfiguration(
            budgetPercent: retryBudgetPercent, minRetryConcurrency: retryMinConcurrency,
            maxAttempts: retryMaxAttempts, backoffBase: .milliseconds(retryBackoffBaseMs),
            backoffCap: .milliseconds(retryBackoffMaxMs))
    }

    /// The tenant's rate limit; `nil` when calls toward its backend are not rate limited.
    public var rateLimit: TokenBucketConfiguration? {
        guard let rateLimitPerSecond else { return nil }
        return TokenBucketConfiguration(
            ratePerSecond: rateLimitPerSecond,
            burst: rateLimitBurst ?? Self.defaultBurst(ratePerSecond: rateLimitPerSecond))
    }

    /// The timeouts for a backend call starting `now`, clamped to the caller's `deadline`; `nil`
    /// when that deadline leaves nothing (see `DeadlineBudget`).
    public func deadlineBudget<Instant: InstantProtocol>(deadline: Instant?, now: Instant) -> DeadlineBudget?
    where Instant.Duration == Duration {
        DeadlineBudget(
            totalTimeout: .milliseconds(totalTimeoutMs), connectTimeout: .milliseconds(connectTimeoutMs),
            deadline: deadline, now: now)
    }
}
