import CurlClient
import Hummingbird
import OCMWCore

/// Health for orchestrators: `/health/live` (the process answers), `/health/ready` (it can serve:
/// a tenant registry with active tenants, a running curl client, and an audit trail that can
/// record), and `/health` (readiness with a little detail, for people).
struct HealthRoutes: Sendable {
    let registry: TenantRegistryStore
    let client: CurlClient
    let audit: AuditLog

    private struct Health: Encodable {
        let status: String
        let activeTenants: Int
        let backendClient: String
        /// `recording`, or `full` while its store does not take records (requests about citizen
        /// data are refused then).
        let auditTrail: String
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/health/live") { _, _ in
            try Response.json(["status": "ok"])
        }
        router.get("/health/ready") { _, _ in try readiness() }
        router.get("/health") { _, _ in try readiness() }
    }

    private func readiness() throws -> Response {
        let active = registry.snapshot.activeTenants.count
        let clientRunning = client.isRunning
        let auditFull = audit.isFull
        let ready = active > 0 && clientRunning && !auditFull
        return try Response.json(
            Health(
                status: ready ? "ok" : "unavailable", activeTenants: active,
                backendClient: clientRunning ? "running" : "stopped", auditTrail: auditFull ? "full" : "recording"),
            status: ready ? .ok : .serviceUnavailable)
    }
}
