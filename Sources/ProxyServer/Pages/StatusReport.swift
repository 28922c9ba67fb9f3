import Foundation
import OCMWCore
import TenantReload

/// What the status page shows, as `GET /admin/status.json` answers it: every tenant with its
/// state, live resilience state, recent calls per part and outbox figures; the routing index and
/// the last reload.
struct StatusReport: Encodable, Sendable {
    struct Tenant: Encodable, Sendable {
        let id: String
        let name: String
        /// `active`, `onboarding` or `suspended` (tenants.json).
        let state: String
        let dialect: String
        /// `healthy`, `degraded`, `sick` or `idle` (see `TenantHealth`).
        let health: String
        /// `closed`, `open` or `halfOpen`; `closed` before the first call.
        let breaker: String
        let inFlight: Int
        let queued: Int
        let bulkheadRejected: Int
        let breakerRejected: Int
        let rateLimited: Int
        /// Submissions not yet delivered (accepted or delivering) and failed ones.
        let outboxBacklog: Int
        let outboxFailed: Int
        /// Over every part in the window; the percentiles are the worst part's.
        let recent: Recent
        let parts: [Part]
    }

    struct Recent: Encodable, Sendable {
        let calls: Int
        let failures: Int
        let errorRate: Double
        let p50Ms: Double?
        let p99Ms: Double?
    }

    struct Part: Encodable, Sendable {
        let part: String
        let calls: Int
        let failures: Int
        let errorRate: Double
        let p50Ms: Double?
        let p99Ms: Double?
    }

    struct RoutingIndex: Encodable, Sendable {
        /// Registrations stored; nil when the index could not be read.
        let registrations: Int?
        let error: String?
    }

    let generatedAt: Date
    /// How far back `recent` and `parts` look.
    let windowSeconds: Int
    let routingIndex: RoutingIndex
    /// The last reload of tenants.json; nil when the proxy was not started from a file.
    let reload: TenantReloader.Status?
    /// Set when the outbox could not be read (its figures are then 0).
    let outboxError: String?
    let tenants: [Tenant]
}

/// A tenant's health in one word, from its breaker and its recent calls.
enum TenantHealth {
    /// - open breaker, or at least half of the recent calls (3 or more) failed → `sick`;
    /// - half-open breaker, or any recent failure → `degraded`;
    /// - no recent calls → `idle`; otherwise `healthy`.
    static func of(breaker: String, calls: Int, failures: Int) -> String {
        if breaker == "open" || (calls >= 3 && failures * 2 >= calls) { return "sick" }
        if breaker == "halfOpen" || failures > 0 { return "degraded" }
        return calls == 0 ? "idle" : "healthy"
    }
}
