import Admission
import BackendAccess
import Foundation
import OCMWCore
import Observability
import Outbox
import TenantReload

/// Gathers a `StatusReport` from the live parts of a running proxy. Reads only: nothing here
/// changes state, and the backends are never called.
package struct StatusReporter: Sendable {
    package let registry: TenantRegistryStore
    package let runtimes: TenantRuntimeRegistry
    package let recentCalls: RecentCalls
    package let reloader: TenantReloader?
    package let outbox: any OutboxStore
    package let routingIndex: any RoutingIndexStore
    /// The door's state (limit, in flight, queued, shed).
    package let admission: @Sendable () -> AdmissionGate.Status?

    package init(
        registry: TenantRegistryStore, runtimes: TenantRuntimeRegistry, recentCalls: RecentCalls, reloader: TenantReloader?,
        outbox: any OutboxStore, routingIndex: any RoutingIndexStore,
        admission: @escaping @Sendable () -> AdmissionGate.Status? = { nil }
    ) {
        self.admission = admission
        self.registry = registry
        self.runtimes = runtimes
        self.recentCalls = recentCalls
        self.reloader = reloader
        self.outbox = outbox
        self.routingIndex = routingIndex
    }

    package func report() async -> StatusReport {
        let routing: StatusReport.RoutingIndex
        do {
            routing = .init(registrations: try await routingIndex.count(), error: nil)
        } catch {
            routing = .init(registrations: nil, error: "the routing index cannot be read")
        }
        var outboxCounts: [TenantID: [SubmissionPhase: Int]] = [:]
        var outboxError: String?
        do {
            outboxCounts = try await outbox.counts()
        } catch {
            outboxError = "the outbox cannot be read"
        }
        let recent = recentCalls.summaries()
        let tenants = registry.snapshot.tenants.map { tenant in
            row(
                tenant, runtime: runtimes.existing(tenant.id)?.status, parts: recent[tenant.id] ?? [],
                outbox: outboxCounts[tenant.id] ?? [:])
        }
        return StatusReport(
            generatedAt: Date(), windowSeconds: Int(recentCalls.window.components.seconds),
            routingIndex: routing, reload: reloader?.status, outboxError: outboxError, tenants: tenants,
            admission: admission())
    }

    private func row(
        _ tenant: Tenant, runtime: TenantResilience.Status?,
        parts: [(part: String, summary: RecentCallWindow<ContinuousClock.Instant>.Summary)],
        outbox: [SubmissionPhase: Int]
    ) -> StatusReport.Tenant {
        let partRows = parts.map { part, summary in
            StatusReport.Part(
                part: part, calls: summary.calls, failures: summary.failures, errorRate: summary.errorRate,
                p50Ms: summary.p50Ms, p99Ms: summary.p99Ms)
        }
        let calls = partRows.reduce(0) { $0 + $1.calls }
        let failures = partRows.reduce(0) { $0 + $1.failures }
        let breaker = runtime?.breaker ?? "closed"
        return StatusReport.Tenant(
            id: tenant.id.rawValue, name: tenant.name, state: tenant.state.rawValue,
            dialect: tenant.backend.dialect.rawValue,
            health: TenantHealth.of(breaker: breaker, calls: calls, failures: failures),
            breaker: breaker, inFlight: runtime?.inFlight ?? 0, queued: runtime?.queued ?? 0,
            bulkheadRejected: runtime?.bulkheadRejected ?? 0, breakerRejected: runtime?.breakerRejected ?? 0,
            rateLimited: runtime?.rateLimited ?? 0,
            outboxBacklog: (outbox[.accepted] ?? 0) + (outbox[.delivering] ?? 0), outboxFailed: outbox[.failed] ?? 0,
            recent: .init(
                calls: calls, failures: failures, errorRate: calls == 0 ? 0 : Double(failures) / Double(calls),
                p50Ms: partRows.compactMap(\.p50Ms).max(), p99Ms: partRows.compactMap(\.p99Ms).max()),
            parts: partRows)
    }
}
