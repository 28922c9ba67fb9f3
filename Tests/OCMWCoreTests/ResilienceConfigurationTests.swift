import Foundation
import OCMWCore
import Testing

@Suite("Resilience settings in tenants.json: defaults, layering and validation")
struct ResilienceConfigurationTests {
    @Test("Built-in defaults")
    func builtInDefaults() {
        let limits = TenantLimits.builtIn
        let integers: [Int] = [
            limits.queueSize, limits.queueTimeoutMs, limits.breakerSlowCallMs, limits.breakerMinimumCalls,
            limits.breakerWindowMs, limits.breakerOpenMs, limits.breakerHalfOpenCalls, limits.retryMinConcurrency,
            limits.retryMaxAttempts, limits.retryBackoffBaseMs, limits.retryBackoffMaxMs, limits.maxConnections,
            limits.deliveryTimeoutMs,
        ]
        #expect(integers == [16, 100, 2_400, 20, 10_000, 5_000, 3, 3, 2, 25, 250, 32, 30_000])
        let rates: [Double] = [limits.breakerFailureRate, limits.breakerSlowCallRate, limits.retryBudgetPercent]
        #expect(rates == [0.5, 0.8, 20])
        #expect(limits.rateLimitPerSecond == nil && limits.rateLimitBurst == nil && limits.rateLimit == nil)
    }

    @Test("Each field comes from the tenant, else the file's defaults, else the built-in value")
    func layering() throws {
        var document = TenantRegistryTests.validDocument
        document.defaults = .init(totalTimeoutMs: 2_000, queueSize: 4, breakerOpenMs: 9_000, rateLimitPerSecond: 50)
        document.tenants[0].limits = .init(totalTimeoutMs: 2_500, queueSize: 8, rateLimitBurst: 10)
        let registry = try TenantRegistry(validating: document)
        let gent = registry.tenants[0].limits
        let bonheiden = registry.tenants[1].limits
        #expect(gent.queueSize == 8 && bonheiden.queueSize == 4)
        #expect(gent.breakerOpenMs == 9_000 && bonheiden.breakerOpenMs == 9_000)
        #expect(gent.breakerHalfOpenCalls == 3)
        // The slow-call threshold follows each tenant's own total timeout unless set.
        #expect(gent.breakerSlowCallMs == 2_000 && bonheiden.breakerSlowCallMs == 1_600)
        #expect(gent.rateLimit == TokenBucketConfiguration(ratePerSecond: 50, burst: 10))
        #expect(bonheiden.rateLimit == TokenBucketConfiguration(ratePerSecond: 50, burst: 50))
    }

    @Test("The new fields decode from JSON")
    func decodesFromJSON() throws {
        let json = #"{"queueSize": 2, "breakerFailureRate": 0.25, "breakerSlowCallMs": 900, "rateLimitPerSecond": 2.5}"#
        let entry = try JSONDecoder().decode(TenantsDocument.LimitsEntry.self, from: Data(json.utf8))
        #expect(entry == .init(queueSize: 2, breakerFailureRate: 0.25, breakerSlowCallMs: 900, rateLimitPerSecond: 2.5))
    }

    @Test("Limits map onto the state machines' configurations")
    func mapsOntoConfigurations() {
        let limits = TenantLimits(
            connectTimeoutMs: 200, totalTimeoutMs: 1_000, maxInFlight: 7, maxResponseBytes: 4_096,
            queueSize: 3, queueTimeoutMs: 50, breakerSlowCallMs: 600, retryBackoffBaseMs: 10,
            rateLimitPerSecond: 2.5)
        #expect(limits.bulkhead == BulkheadConfiguration(maxInFlight: 7, queueSize: 3, maxWait: .milliseconds(50)))
        #expect(limits.circuitBreaker == CircuitBreakerConfiguration(slowCallDuration: .milliseconds(600)))
        #expect(limits.retryBudget == RetryBudgetConfiguration(backoffBase: .milliseconds(10)))
        #expect(limits.rateLimit == TokenBucketConfiguration(ratePerSecond: 2.5, burst: 3))
        // Deliveries: the reads' rates and window, slow only near their own, longer timeout.
        #expect(
            limits.deliveryCircuitBreaker == CircuitBreakerConfiguration(slowCallDuration: .milliseconds(24_000)))
        #expect(
            limits.deliveryBudget(deadline: nil, now: ContinuousClock.now)
                == DeadlineBudget(
                    totalTimeout: .milliseconds(30_000), connectTimeout: .milliseconds(200), deadline: ContinuousClock.Instant?.none,
                    now: ContinuousClock.now))
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let field: String
        let limits: TenantsDocument.LimitsEntry
        var testDescription: String { "\(field): \(limits)" }
    }

    static let broken: [Broken] = [
        .init(field: "queueSize", limits: .init(queueSize: -1)),
        .init(field: "queueTimeoutMs", limits: .init(queueTimeoutMs: 0)),
        .init(field: "breakerFailureRate", limits: .init(breakerFailureRate: 0)),
        .init(field: "breakerFailureRate", limits: .init(breakerFailureRate: 1.5)),
        .init(field: "breakerSlowCallRate", limits: .init(breakerSlowCallRate: -0.1)),
        .init(field: "breakerSlowCallMs", limits: .init(breakerSlowCallMs: 2_001)),
        .init(field: "breakerMinimumCalls", limits: .init(breakerMinimumCalls: 0)),
        .init(field: "breakerWindowMs", limits: .init(breakerWindowMs: 999)),
        .init(field: "breakerOpenMs", limits: .init(breakerOpenMs: 50)),
        .init(field: "breakerHalfOpenCalls", limits: .init(breakerHalfOpenCalls: 0)),
        .init(field: "retryBudgetPercent", limits: .init(retryBudgetPercent: 101)),
        .init(field: "retryMinConcurrency", limits: .init(retryMinConcurrency: -1)),
        .init(field: "retryMaxAttempts", limits: .init(retryMaxAttempts: 0)),
        .init(field: "retryBackoffBaseMs", limits: .init(retryBackoffBaseMs: 0, retryBackoffMaxMs: 250)),
        .init(field: "retryBackoffMaxMs", limits: .init(retryBackoffBaseMs: 100, retryBackoffMaxMs: 50)),
        .init(field: "rateLimitPerSecond", limits: .init(rateLimitPerSecond: 0)),
        .init(field: "rateLimitBurst", limits: .init(rateLimitPerSecond: 5, rateLimitBurst: 0)),
        .init(field: "rateLimitBurst", limits: .init(rateLimitBurst: 5)),
        .init(field: "maxConnections", limits: .init(maxConnections: 0)),
        .init(field: "deliveryTimeoutMs", limits: .init(deliveryTimeoutMs: 999)),
        .init(field: "deliveryTimeoutMs", limits: .init(deliveryTimeoutMs: 300_001)),
        .init(field: "deliveryTimeoutMs", limits: .init(connectTimeoutMs: 2_000, deliveryTimeoutMs: 1_500)),
    ]

    @Test("An out-of-range setting is rejected with one problem naming tenant and field", arguments: broken)
    func rejectsOutOfRange(_ broken: Broken) {
        var document = TenantRegistryTests.validDocument
        document.tenants[1].limits = broken.limits
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        let problems = errors?.problems ?? []
        #expect(problems.map(\.tenant) == ["bonheiden"], "\(problems)")
        #expect(problems.map(\.field) == ["limits.\(broken.field)"])
    }

    @Test("A bad setting in the file's defaults is reported once, under defaults, not per tenant")
    func badDefaultReportedOnce() {
        var document = TenantRegistryTests.validDocument
        document.defaults?.breakerHalfOpenCalls = 0
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        let problems = errors?.problems ?? []
        #expect(problems.map(\.field) == ["defaults.breakerHalfOpenCalls"])
        #expect(problems.map(\.tenant) == [nil])
    }
}
