/// Resolved limits for one tenant: every field set, from the tenant's own `limits`, else the
/// file's `defaults`, else the built-in default documented on each field.
///
/// Equatable on purpose: on a reload the proxy keeps a tenant's breaker, bulkhead and budgets only
/// when the settings that shape them did not change.
public struct TenantLimits: Sendable, Equatable {
    /// Connect phase timeout; built-in 1000.
    public let connectTimeoutMs: Int
    /// Whole backend call timeout; built-in 3000.
    public let totalTimeoutMs: Int
    /// Bulkhead: calls in flight toward the backend; built-in 64.
    public let maxInFlight: Int
    /// Largest backend answer read; built-in 4 MiB.
    public let maxResponseBytes: Int
    /// Bulkhead: callers that may wait for a slot (0: reject at once); built-in 16.
    public let queueSize: Int
    /// Bulkhead: how long a caller may wait for a slot; built-in 100.
    public let queueTimeoutMs: Int
    /// Breaker: failure rate (0 < x ≤ 1) that opens the circuit; built-in 0.5.
    public let breakerFailureRate: Double
    /// Breaker: slow-call rate (0 < x ≤ 1) that opens the circuit; built-in 0.8.
    public let breakerSlowCallRate: Double
    /// Breaker: a call this long is slow; built-in 80% of `totalTimeoutMs`, so calls that
    /// nearly time out count before they do.
    public let breakerSlowCallMs: Int
    /// Breaker: calls needed in the window before it judges; built-in 20.
    public let breakerMinimumCalls: Int
    /// Breaker: length of the rolling window; built-in 10000.
    public let breakerWindowMs: Int
    /// Breaker: how long it stays open before trials; built-in 5000.
    public let breakerOpenMs: Int
    /// Breaker: trial calls while half-open; built-in 3.
    public let breakerHalfOpenCalls: Int
    /// Retries in flight as a percentage of active requests (0–100); built-in 20.
    public let retryBudgetPercent: Double
    /// Retries always allowed in flight; built-in 3.
    public let retryMinConcurrency: Int
    /// Attempts per idempotent read, the first included (1: never retry); built-in 2.
    public let retryMaxAttempts: Int
    /// First retry's backoff ceiling (full jitter, doubling); built-in 25.
    public let retryBackoffBaseMs: Int
    /// Largest backoff; built-in 250.
    public let retryBackoffMaxMs: Int
    /// Calls per second toward the backend; `nil` (built-in): unlimited.
    public let rateLimitPerSecond: Double?
    /// Largest burst above the rate; built-in one second's worth (at least 1); `nil` when unlimited.
    public let rateLimitBurst: Int?
    /// Connections curl may open to the tenant's host; built-in 32.
    public let maxConnections: Int
    /// Whole timeout of one delivery (a submission's `POST`, documents included); built-in
    /// 30000. Apart from `totalTimeoutMs`: a 16 MiB upload needs far longer than a read.
    public let deliveryTimeoutMs: Int

    /// Built-in defaults, used when neither the tenant nor the file's `defaults` set a value.
    public static let builtIn = TenantLimits(
        connectTimeoutMs: 1_000, totalTimeoutMs: 3_000,
        maxInFlight: 64, maxResponseBytes: 4 * 1024 * 1024)

    /// Limits with the built-in defaults for every parameter left out; `breakerSlowCallMs` and
    /// `rateLimitBurst` default from `totalTimeoutMs` and `rateLimitPerSecond`.
    public init(
        connectTimeoutMs: Int, totalTimeoutMs: Int, maxInFlight: Int, maxResponseBytes: Int,
        queueSize: Int = 16, queueTimeoutMs: Int = 100,
        breakerFailureRate: Double = 0.5, breakerSlowCallRate: Double = 0.8, breakerSlowCallMs: Int? = nil,
        breakerMinimumCalls: Int = 20, breakerWindowMs: Int = 10_000, breakerOpenMs: Int = 5_000,
        breakerHalfOpenCalls: Int = 3,
        retryBudgetPercent: Double = 20, retryMinConcurrency: Int = 3, retryMaxAttempts: Int = 2,
        retryBackoffBaseMs: Int = 25, retryBackoffMaxMs: Int = 250,
        rateLimitPerSecond: Double? = nil, rateLimitBurst: Int? = nil, maxConnections: Int = 32,
        deliveryTimeoutMs: Int = 30_000
    ) {
        self.connectTimeoutMs = connectTimeoutMs
        self.totalTimeoutMs = totalTimeoutMs
        self.maxInFlight = maxInFlight
        self.maxResponseBytes = maxResponseBytes
        self.queueSize = queueSize
        self.queueTimeoutMs = queueTimeoutMs
        self.breakerFailureRate = breakerFailureRate
        self.breakerSlowCallRate = breakerSlowCallRate
        self.breakerSlowCallMs = breakerSlowCallMs ?? Self.defaultSlowCallMs(totalTimeoutMs: totalTimeoutMs)
        self.breakerMinimumCalls = breakerMinimumCalls
        self.breakerWindowMs = breakerWindowMs
        self.breakerOpenMs = breakerOpenMs
        self.breakerHalfOpenCalls = breakerHalfOpenCalls
        self.retryBudgetPercent = retryBudgetPercent
        self.retryMinConcurrency = retryMinConcurrency
        self.retryMaxAttempts = retryMaxAttempts
        self.retryBackoffBaseMs = retryBackoffBaseMs
        self.retryBackoffMaxMs = retryBackoffMaxMs
        self.rateLimitPerSecond = rateLimitPerSecond
        // A burst means nothing without a rate; dropping it keeps equal settings equal.
        self.rateLimitBurst = rateLimitPerSecond.map { rateLimitBurst ?? Self.defaultBurst(ratePerSecond: $0) }
        self.maxConnections = maxConnections
        self.deliveryTimeoutMs = deliveryTimeoutMs
    }

    /// 80%, rounded down, in integers so that no `totalTimeoutMs` can overflow.
    static func defaultSlowCallMs(totalTimeoutMs: Int) -> Int {
        max(totalTimeoutMs / 5 * 4 + totalTimeoutMs % 5 * 4 / 5, 1)
    }

    /// One second's worth of calls, at least 1.
    static func defaultBurst(ratePerSecond: Double) -> Int {
        guard ratePerSecond.isFinite, ratePerSecond < Double(Int32.max) else { return 1 }
        return max(Int(ratePerSecond.rounded(.up)), 1)
    }
}
