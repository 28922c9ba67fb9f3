import Admission
import BackendAccess
import Crypto
import Foundation
import Hummingbird
import OCMWCore
import Observability
import TenantReload

/// The operators' API: `GET /admin/tenants` (every tenant with its live resilience state and the
/// last reload), `POST /admin/tenants/reload`, and `GET /metrics` (Prometheus text format).
struct AdminRoutes: Sendable {
    let registry: TenantRegistryStore
    let runtimes: TenantRuntimeRegistry
    let reloader: TenantReloader?
    let metrics: ProxyMetrics
    let audit: AuditLog
    let admission: AdmissionGate

    struct TenantsView: Encodable {
        /// `sha256:` and the hex digest of the configuration in force (`canonicalConfiguration`):
        /// equal on every instance that applied the same tenants file.
        let configurationHash: String
        let tenants: [TenantView]
        let reload: TenantReloader.Status?
    }

    struct TenantView: Encodable {
        let id: String
        let name: String
        let state: String
        let dialect: String
        let baseURL: String
        let maxInFlight: Int
        let totalTimeoutMs: Int
        let deliveryTimeoutMs: Int
        /// Live state since the tenant's limits last changed; nil before its first call.
        let runtime: TenantResilience.Status?
    }

    struct ReloadView: Encodable {
        let result: String
        let tenants: Int?
        let problems: [String]
        /// How long the reload took in the proxy (read, decode, validate, swap), in milliseconds.
        let durationMs: Double?
        /// CPU time the reload used, in milliseconds.
        let cpuMs: Double?
        /// Tenants taken over unchanged from the previous snapshot.
        let reusedTenants: Int?
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/admin/tenants") { _, _ in
            let snapshot = registry.snapshot
            let views = snapshot.tenants.map { tenant in
                TenantView(
                    id: tenant.id.rawValue, name: tenant.name, state: tenant.state.rawValue,
                    dialect: tenant.backend.dialect.rawValue, baseURL: tenant.backend.baseURL,
                    maxInFlight: tenant.limits.maxInFlight, totalTimeoutMs: tenant.limits.totalTimeoutMs,
                    deliveryTimeoutMs: tenant.limits.deliveryTimeoutMs, runtime: runtimes.existing(tenant.id)?.status)
            }
            let digest = SHA256.hash(data: snapshot.canonicalConfiguration)
            return try Response.json(
                TenantsView(
                    configurationHash: "sha256:" + digest.map { String(format: "%02x", $0) }.joined(),
                    tenants: views, reload: reloader?.status))
        }
        router.post("/admin/tenants/reload") { _, _ in
            guard let reloader else {
                throw ProblemDetails(
                    status: .conflict, type: .reloadUnavailable,
                    title: "This proxy was not started from a tenants file")
            }
            let outcome = await reloader.reload(trigger: .admin)
            let status = reloader.status
            switch outcome {
            case .reloaded(let tenants):
                return try Response.json(
                    ReloadView(
                        result: "ok", tenants: tenants, problems: [],
                        durationMs: status.lastDurationMs, cpuMs: status.lastCPUMs,
                        reusedTenants: status.lastReusedTenants))
            case .rejected(let problems):
                return try Response.json(
                    ReloadView(
                        result: "rejected", tenants: nil, problems: problems,
                        durationMs: status.lastDurationMs, cpuMs: status.lastCPUMs, reusedTenants: nil),
                    status: .unprocessableContent)
            }
        }
        router.get("/metrics") { _, _ in
            metrics.auditPending(audit.pendingCount)
            let door = admission.status
            metrics.admissionState(limit: door.limit, inFlight: door.inFlight, queued: door.queued, shedding: door.shedding)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
