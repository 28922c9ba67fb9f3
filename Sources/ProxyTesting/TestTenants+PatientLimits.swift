import OCMWCore

extension TestTenants {
    /// Limits for a backend whose speed a test does not judge: a busy 2-core machine running the
    /// whole suite in parallel can hold a healthy call for seconds, and the built-in 3 s timeout,
    /// 100 ms bulkhead wait and 2.4 s slow-call threshold would then turn it into `timeout`,
    /// `unavailable` or an open breaker. A test that wants a tenant to time out makes its backend
    /// hang (which times out whatever the machine's speed) and gives that tenant short limits.
    public static let patientLimits = TenantsDocument.LimitsEntry(
        connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, queueSize: 64, queueTimeoutMs: 30_000,
        deliveryTimeoutMs: 60_000)

    /// `limits` with every field it leaves out taken from `patientLimits`.
    public static func patient(_ limits: TenantsDocument.LimitsEntry?) -> TenantsDocument.LimitsEntry {
        guard let limits else { return patientLimits }
        let base = patientLimits
        let totalTimeoutMs = limits.totalTimeoutMs ?? base.totalTimeoutMs
        return TenantsDocument.LimitsEntry(
            // The connect phase never outlasts the whole call (the validator insists).
            connectTimeoutMs: limits.connectTimeoutMs ?? base.connectTimeoutMs.map { min($0, totalTimeoutMs ?? $0) },
            totalTimeoutMs: totalTimeoutMs,
            maxInFlight: limits.maxInFlight ?? base.maxInFlight,
            maxResponseBytes: limits.maxResponseBytes ?? base.maxResponseBytes,
            queueSize: limits.queueSize ?? base.queueSize,
            queueTimeoutMs: limits.queueTimeoutMs ?? base.queueTimeoutMs,
            breakerFailureRate: limits.breakerFailureRate ?? base.breakerFailureRate,
            breakerSlowCallRate: limits.breakerSlowCallRate ?? base.breakerSlowCallRate,
            breakerSlowCallMs: limits.breakerSlowCallMs ?? base.breakerSlowCallMs,
            breakerMinimumCalls: limits.breakerMinimumCalls ?? base.breakerMinimumCalls,
            breakerWindowMs: limits.breakerWindowMs ?? base.breakerWindowMs,
            breakerOpenMs: limits.breakerOpenMs ?? base.breakerOpenMs,
            breakerHalfOpenCalls: limits.breakerHalfOpenCalls ?? base.breakerHalfOpenCalls,
            retryBudgetPercent: limits.retryBudgetPercent ?? base.retryBudgetPercent,
            retryMinConcurrency: limits.retryMinConcurrency ?? base.retryMinConcurrency,
            retryMaxAttempts: limits.retryMaxAttempts ?? base.retryMaxAttempts,
            retryBackoffBaseMs: limits.retryBackoffBaseMs ?? base.retryBackoffBaseMs,
            retryBackoffMaxMs: limits.retryBackoffMaxMs ?? base.retryBackoffMaxMs,
            rateLimitPerSecond: limits.rateLimitPerSecond ?? base.rateLimitPerSecond,
            rateLimitBurst: limits.rateLimitBurst ?? base.rateLimitBurst,
            maxConnections: limits.maxConnections ?? base.maxConnections,
            deliveryTimeoutMs: limits.deliveryTimeoutMs ?? base.deliveryTimeoutMs)
    }
}
