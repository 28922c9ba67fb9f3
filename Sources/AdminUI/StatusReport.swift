import Admission
import Foundation
import OCMWCore
import TenantReload

/// What the status page shows, as `GET /admin/status.json` answers it: every tenant with its
/// state, live resilience state, recent calls per part and outbox figures; the routing index and
/// the last reload.
package struct StatusReport: Encodable, Sendable {
    package struct Tenant: Encodable, Sendable {
        package let id: String
        package let name: String
        /// `active`, `onboarding` or `suspended` (tenants.json).
        package let state: String
        package let dialect: String
        /// `healthy`, `degraded`, `sick` or `idle` (see `TenantHealth`).
        package let health: String
        /// `closed`, `open` or `halfOpen`; `closed` before the first call.
        package let breaker: String
        package let inFlight: Int
        package let queued: Int
        package let bulkheadRejected: Int
        package let breakerRejected: Int
        package let rateLimited: Int
        /// Submissions not yet delivered (accepted or delivering) and failed ones.
        package let outboxBacklog: Int
        package let outboxFailed: Int
        /// Over every part in the window; the percentiles are the worst part's.
        package let recent: Recent
        package let parts: [Part]

        package init(
            id: String, name: String, state: String, dialect: String, health: String, breaker: String, inFlight: Int, queued: Int,
            bulkheadRejected: Int, breakerRejected: Int, rateLimited: Int, outboxBacklog: Int, outboxFailed: Int, recent: Recent,
            parts: [Part]
        ) {
            self.id = id
            self.name = name
            self.state = state
            self.dialect = dialect
            self.health = health
            self.breaker = breaker
            self.inFlight = inFlight
            self.queued = queued
            self.bulkheadRejected = bulkheadRejected
            self.breakerRejected = breakerRejected
            self.rateLimited = rateLimited
            self.outboxBacklog = outboxBacklog
            self.outboxFailed = outboxFailed
            self.recent = recent
            self.parts = parts
        }
    }

    package struct Recent: Encodable, Sendable {
        package let calls: Int
        package let failures: Int
        package let errorRate: Double
        package let p50Ms: Double?
        package let p99Ms: Double?

        package init(calls: Int, failures: Int, errorRate: Double, p50Ms: Double?, p99Ms: Double?) {
            self.calls = calls
            self.failures = failures
            self.errorRate = errorRate
            self.p50Ms = p50Ms
            self.p99Ms = p99Ms
        }
    }

    package struct Part: Encodable, Sendable {
        package let part: String
        package let calls: Int
        package let failures: Int
        package let errorRate: Double
        package let p50Ms: Double?
        package let p99Ms: Double?

        package init(part: String, calls: Int, failures: Int, errorRate: Double, p50Ms: Double?, p99Ms: Double?) {
            self.part = part
            self.calls = calls
            self.failures = failures
            self.errorRate = errorRate
            self.p50Ms = p50Ms
            self.p99Ms = p99Ms
        }
    }

    package struct RoutingIndex: Encodable, Sendable {
        /// Registrations stored; nil when the index could not be read.
        package let registrations: Int?
        package let error: String?

        package init(registrations: Int?, error: String?) {
            self.registrations = registrations
            self.error = error
        }
    }

    package let generatedAt: Date
    /// How far back `recent` and `parts` look.
    package let windowSeconds: Int
    package let routingIndex: RoutingIndex
    /// The last reload of tenants.json; nil when the proxy was not started from a file.
    package let reload: TenantReloader.Status?
    /// Set when the outbox could not be read (its figures are then 0).
    package let outboxError: String?
    package let tenants: [Tenant]
    /// The door: concurrency limit, requests in flight and queued, shed counts; nil when unknown.
    package let admission: AdmissionGate.Status?

    package init(
        generatedAt: Date, windowSeconds: Int, routingIndex: RoutingIndex, reload: TenantReloader.Status?, outboxError: String?,
        tenants: [Tenant], admission: AdmissionGate.Status? = nil
    ) {
        self.admission = admission
        self.generatedAt = generatedAt
        self.windowSeconds = windowSeconds
        self.routingIndex = routingIndex
        self.reload = reload
        self.outboxError = outboxError
        self.tenants = tenants
    }
}

/// A tenant's health in one word, from its breaker and its recent calls.
package enum TenantHealth {
    /// - open breaker, or at least half of the recent calls (3 or more) failed → `sick`;
    /// - half-open breaker, or any recent failure → `degraded`;
    /// - no recent calls → `idle`; otherwise `healthy`.
    package static func of(breaker: String, calls: Int, failures: Int) -> String {
        if breaker == "open" || (calls >= 3 && failures * 2 >= calls) { return "sick" }
        if breaker == "halfOpen" || failures > 0 { return "degraded" }
        return calls == 0 ? "idle" : "healthy"
    }
}
