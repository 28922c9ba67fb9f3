import Foundation

/// The status page's values, ready for its template: every number already formatted, and the
/// raw value beside it for the client-side sort. Plain stored properties, because the template
/// engine reads them by reflection.
package struct StatusPageView {
    package struct Row {
        package let id: String
        package let name: String
        package let state: String
        package let dialect: String
        package let health: String
        package let healthSymbol: String
        package let healthRank: Int
        package let breaker: String
        package let breakerLabel: String
        package let breakerRank: Int
        package let inFlight: Int
        package let queued: Int
        package let bulkheadRejected: Int
        package let breakerRejected: Int
        package let calls: Int
        package let errorRate: String
        package let errorRateValue: Double
        package let p50: String
        package let p50Value: Double
        package let p99: String
        package let p99Value: Double
        package let outboxBacklog: Int
        package let outboxFailed: Int
        package let search: String
        package let hasBreakerRejected: Bool
        package let hasQueued: Bool
        package let parts: [PartRow]
        package let partCount: Int
        package let hasParts: Bool
    }

    package struct PartRow {
        package let part: String
        package let calls: Int
        package let errorRate: String
        package let p50: String
        package let p99: String
    }

    package let generatedAt: String
    package let windowMinutes: Int
    package let tenantCount: Int
    package let stateCounts: String
    package let sickCount: Int
    package let routingIndex: String
    /// The door in one line: limit, in flight, queued, shed, shedding now.
    package let admission: String
    package let outboxError: String
    package let hasOutboxError: Bool
    package let hasReload: Bool
    /// Whether any reload was attempted since the proxy started.
    package let hasReloaded: Bool
    package let reloadResult: String
    package let reloadAt: String
    package let reloadTrigger: String
    package let reloadCounts: String
    package let reloadProblems: [String]
    package let hasReloadProblems: Bool
    package let rows: [Row]
    package let css = PageStyle.css
    package let script = StatusPageTemplate.script

    package init(_ report: StatusReport) {
        generatedAt = Self.timestamp(report.generatedAt)
        windowMinutes = max(1, report.windowSeconds / 60)
        tenantCount = report.tenants.count
        stateCounts = ["active", "onboarding", "suspended"].map { state in
            "\(report.tenants.count { $0.state == state }) \(state)"
        }.joined(separator: ", ")
        sickCount = report.tenants.count { $0.health == "sick" }
        routingIndex =
            report.routingIndex.registrations.map { "\($0) registrations" }
            ?? (report.routingIndex.error ?? "unknown")
        admission =
            report.admission.map { door in
                let shed = door.shedTotal.values.reduce(0, +)
                let state = door.shedding ? "shedding" : "admitting"
                let limit = door.enabled ? "limit \(door.limit)" : "no limit"
                return "\(state): \(limit), \(door.inFlight) in flight, \(door.queued) queued, \(shed) shed since start"
            } ?? "unknown"
        outboxError = report.outboxError ?? ""
        hasOutboxError = report.outboxError != nil
        hasReload = report.reload != nil
        let reload = report.reload
        hasReloaded = reload?.lastAttempt != nil
        reloadResult = reload?.lastResult?.rawValue ?? ""
        reloadAt = reload?.lastAttempt.map(Self.timestamp) ?? ""
        reloadTrigger = reload?.lastTrigger?.rawValue ?? ""
        reloadCounts = reload.map { "\($0.reloads) reloads, \($0.rejected) rejected; \($0.tenants) tenants in force" } ?? ""
        reloadProblems = report.reload?.lastProblems ?? []
        hasReloadProblems = !reloadProblems.isEmpty
        rows = report.tenants.map(Self.row)
    }

    private static func row(_ tenant: StatusReport.Tenant) -> Row {
        let health = Self.health[tenant.health] ?? ("?", 9)
        let breaker = Self.breaker[tenant.breaker] ?? (tenant.breaker, 9)
        let parts = tenant.parts.map { part in
            PartRow(
                part: part.part, calls: part.calls, errorRate: percent(part.errorRate, calls: part.calls),
                p50: ms(part.p50Ms), p99: ms(part.p99Ms))
        }
        return Row(
            id: tenant.id, name: tenant.name, state: tenant.state, dialect: tenant.dialect,
            health: tenant.health, healthSymbol: health.symbol, healthRank: health.rank,
            breaker: tenant.breaker, breakerLabel: breaker.label, breakerRank: breaker.rank,
            inFlight: tenant.inFlight, queued: tenant.queued, bulkheadRejected: tenant.bulkheadRejected,
            breakerRejected: tenant.breakerRejected, calls: tenant.recent.calls,
            errorRate: percent(tenant.recent.errorRate, calls: tenant.recent.calls),
            errorRateValue: tenant.recent.calls == 0 ? -1 : tenant.recent.errorRate,
            p50: ms(tenant.recent.p50Ms), p50Value: tenant.recent.p50Ms ?? -1,
            p99: ms(tenant.recent.p99Ms), p99Value: tenant.recent.p99Ms ?? -1,
            outboxBacklog: tenant.outboxBacklog, outboxFailed: tenant.outboxFailed,
            search: "\(tenant.id) \(tenant.name) \(tenant.state) \(tenant.health) \(tenant.breaker)".lowercased(),
            hasBreakerRejected: tenant.breakerRejected > 0, hasQueued: tenant.queued > 0,
            parts: parts, partCount: parts.count, hasParts: !parts.isEmpty)
    }

    /// Health and breaker state are written out and marked with a symbol, never shown by colour
    /// alone; the rank sorts the worst first when sorted descending.
    private static let health: [String: (symbol: String, rank: Int)] = [
        "sick": ("✗", 3), "degraded": ("!", 2), "healthy": ("✓", 1), "idle": ("–", 0),
    ]
    private static let breaker: [String: (label: String, rank: Int)] = [
        "open": ("open", 2), "halfOpen": ("half-open", 1), "closed": ("closed", 0),
    ]

    package static func percent(_ rate: Double, calls: Int) -> String {
        calls == 0 ? "—" : String(format: "%.1f %%", rate * 100)
    }

    package static func ms(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 10 ? String(format: "%.1f ms", value) : String(format: "%.0f ms", value)
    }

    package static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
