/// One problem found in a limits object; `field` is relative to it (`queueSize`).
struct LimitsProblem: Equatable {
    var field: String
    var message: String
}

extension TenantLimits {
    typealias Entry = TenantsDocument.LimitsEntry

    /// Resolves every field from the first layer that sets it (the tenant's `limits`, then the
    /// file's `defaults`), else from the built-in default, and lists what is out of range.
    static func resolve(_ layers: [Entry]) -> (limits: TenantLimits, problems: [LimitsProblem]) {
        func pick<Value>(_ key: KeyPath<Entry, Value?>) -> Value? { layers.lazy.compactMap { $0[keyPath: key] }.first }
        let base = builtIn
        let limits = TenantLimits(
            connectTimeoutMs: pick(\.connectTimeoutMs) ?? base.connectTimeoutMs,
            totalTimeoutMs: pick(\.totalTimeoutMs) ?? base.totalTimeoutMs,
            maxInFlight: pick(\.maxInFlight) ?? base.maxInFlight,
            maxResponseBytes: pick(\.maxResponseBytes) ?? base.maxResponseBytes,
            queueSize: pick(\.queueSize) ?? base.queueSize, queueTimeoutMs: pick(\.queueTimeoutMs) ?? base.queueTimeoutMs,
            breakerFailureRate: pick(\.breakerFailureRate) ?? base.breakerFailureRate,
            breakerSlowCallRate: pick(\.breakerSlowCallRate) ?? base.breakerSlowCallRate,
            // Left out, it follows the resolved total timeout rather than the built-in one.
            breakerSlowCallMs: pick(\.breakerSlowCallMs),
            breakerMinimumCalls: pick(\.breakerMinimumCalls) ?? base.breakerMinimumCalls,
            breakerWindowMs: pick(\.breakerWindowMs) ?? base.breakerWindowMs,
            breakerOpenMs: pick(\.breakerOpenMs) ?? base.breakerOpenMs,
            breakerHalfOpenCalls: pick(\.breakerHalfOpenCalls) ?? base.breakerHalfOpenCalls,
            retryBudgetPercent: pick(\.retryBudgetPercent) ?? base.retryBudgetPercent,
            retryMinConcurrency: pick(\.retryMinConcurrency) ?? base.retryMinConcurrency,
            retryMaxAttempts: pick(\.retryMaxAttempts) ?? base.retryMaxAttempts,
            retryBackoffBaseMs: pick(\.retryBackoffBaseMs) ?? base.retryBackoffBaseMs,
            retryBackoffMaxMs: pick(\.retryBackoffMaxMs) ?? base.retryBackoffMaxMs,
            rateLimitPerSecond: pick(\.rateLimitPerSecond), rateLimitBurst: pick(\.rateLimitBurst),
            maxConnections: pick(\.maxConnections) ?? base.maxConnections,
            deliveryTimeoutMs: pick(\.deliveryTimeoutMs) ?? base.deliveryTimeoutMs)
        var problems = limits.rangeProblems
        if pick(\.rateLimitBurst) != nil, pick(\.rateLimitPerSecond) == nil {
            problems.append(.init(field: "rateLimitBurst", message: "needs rateLimitPerSecond"))
        }
        return (limits, problems)
    }

    private var rangeProblems: [LimitsProblem] {
        var problems: [LimitsProblem] = []
        func check<Value: Comparable>(_ field: String, _ value: Value, _ range: ClosedRange<Value>) {
            if !range.contains(value) {
                problems.append(.init(field: field, message: "must be between \(range.lowerBound) and \(range.upperBound)"))
            }
        }
        func check(rate field: String, _ value: Double) {
            if !(value > 0 && value <= 1) { problems.append(.init(field: field, message: "must be above 0 and at most 1")) }
        }
        func check(_ field: String, atMost other: String, _ value: Int, _ limit: Int) {
            if value > limit { problems.append(.init(field: field, message: "must not exceed \(other)")) }
        }
        check("connectTimeoutMs", connectTimeoutMs, 1...60_000)
        check("totalTimeoutMs", totalTimeoutMs, 1...120_000)
        check("connectTimeoutMs", atMost: "totalTimeoutMs", connectTimeoutMs, totalTimeoutMs)
        check("maxInFlight", maxInFlight, 1...10_000)
        check("maxResponseBytes", maxResponseBytes, 1_024...(256 * 1024 * 1024))
        check("queueSize", queueSize, 0...10_000)
        check("queueTimeoutMs", queueTimeoutMs, 1...60_000)
        check(rate: "breakerFailureRate", breakerFailureRate)
        check(rate: "breakerSlowCallRate", breakerSlowCallRate)
        check("breakerSlowCallMs", breakerSlowCallMs, 1...120_000)
        // A call is cut off at the total timeout, so a longer threshold could never be reached.
        check("breakerSlowCallMs", atMost: "totalTimeoutMs", breakerSlowCallMs, totalTimeoutMs)
        check("breakerMinimumCalls", breakerMinimumCalls, 1...100_000)
        // At least a second, so each of the window's ten slices spans 100 ms or more.
        check("breakerWindowMs", breakerWindowMs, 1_000...3_600_000)
        check("breakerOpenMs", breakerOpenMs, 100...3_600_000)
        check("breakerHalfOpenCalls", breakerHalfOpenCalls, 1...100)
        check("retryBudgetPercent", retryBudgetPercent, 0...100)
        check("retryMinConcurrency", retryMinConcurrency, 0...10_000)
        check("retryMaxAttempts", retryMaxAttempts, 1...5)
        check("retryBackoffBaseMs", retryBackoffBaseMs, 1...60_000)
        check("retryBackoffMaxMs", retryBackoffMaxMs, 1...60_000)
        if retryBackoffMaxMs < retryBackoffBaseMs {
            problems.append(.init(field: "retryBackoffMaxMs", message: "must not be below retryBackoffBaseMs"))
        }
        if let rateLimitPerSecond { check("rateLimitPerSecond", rateLimitPerSecond, 0.001...1_000_000) }
        if let rateLimitBurst { check("rateLimitBurst", rateLimitBurst, 1...1_000_000) }
        check("maxConnections", maxConnections, 1...10_000)
        check("deliveryTimeoutMs", deliveryTimeoutMs, 1_000...300_000)
        // The connection is part of the delivery: a shorter delivery timeout could never connect.
        if deliveryTimeoutMs < connectTimeoutMs {
            problems.append(.init(field: "deliveryTimeoutMs", message: "must not be below connectTimeoutMs"))
        }
        return problems
    }
}
