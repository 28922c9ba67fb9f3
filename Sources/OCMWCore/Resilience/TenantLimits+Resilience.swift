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

    /// The breaker of the tenant's deliveries, apart from the one guarding reads: the same rates,
    /// window and pauses, with slow calls judged against `deliveryTimeoutMs` (an upload is slow
    /// by nature, and must not count against the citizens' reads).
    public var deliveryCircuitBreaker: CircuitBreakerConfiguration {
        CircuitBreakerConfiguration(
            failureRateThreshold: breakerFailureRate, slowCallRateThreshold: breakerSlowCallRate,
            slowCallDuration: .milliseconds(Self.defaultSlowCallMs(totalTimeoutMs: deliveryTimeoutMs)),
            minimumCalls: breakerMinimumCalls, windowDuration: .milliseconds(breakerWindowMs),
            openDuration: .milliseconds(breakerOpenMs), halfOpenTrialCalls: breakerHalfOpenCalls)
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

    /// The timeouts for a delivery starting `now`: `deliveryTimeoutMs` for the whole call, the
    /// usual connect timeout; `nil` when `deadline` leaves nothing.
    public func deliveryBudget<Instant: InstantProtocol>(deadline: Instant?, now: Instant) -> DeadlineBudget?
    where Instant.Duration == Duration {
        DeadlineBudget(
            totalTimeout: .milliseconds(deliveryTimeoutMs), connectTimeout: .milliseconds(connectTimeoutMs),
            deadline: deadline, now: now)
    }
}
