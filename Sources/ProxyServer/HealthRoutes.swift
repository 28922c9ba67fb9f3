import Admission
import CurlClient
import Hummingbird
import OCMWCore

/// Health for orchestrators: `/health/live` (the process answers), `/health/ready` (it can serve:
/// a tenant registry with active tenants, a running curl client, and an audit trail that can
/// record, the shared database answering), and `/health` (readiness with a little detail, for
/// people). While the door sheds, readiness answers 503 `shedding`, so a load balancer can move
/// traffic to an instance with room; while the instance stops, 503 `draining`.
struct HealthRoutes: Sendable {
    let registry: TenantRegistryStore
    let client: CurlClient
    let audit: AuditLog
    let admission: AdmissionGate
    let condition: InstanceCondition

    private struct Health: Encodable {
        let status: String
        let activeTenants: Int
        let backendClient: String
        /// `recording`, or `full` while its store does not take records (requests about citizen
        /// data are refused then).
        let auditTrail: String
        /// `admitting` or `shedding` (requests refused at the door within the last second).
        let admission: String
        /// `serving`, or `draining` once the instance has been asked to stop.
        let lifecycle: String
        /// `reachable`, or `unreachable` when the database shared with other instances does not answer.
        let database: String
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
        let shedding = admission.isShedding
        let auditFull = audit.isFull
        let draining = condition.isDraining
        let databaseReachable = condition.isDatabaseReachable
        let able = active > 0 && clientRunning && !auditFull && databaseReachable
        let ready = able && !shedding && !draining
        let status =
            if ready { "ok" } else if draining { "draining" } else if able { "shedding" } else { "unavailable" }
        var response = try Response.json(
            Health(
                status: status, activeTenants: active, backendClient: clientRunning ? "running" : "stopped",
                auditTrail: auditFull ? "full" : "recording", admission: shedding ? "shedding" : "admitting",
                lifecycle: draining ? "draining" : "serving", database: databaseReachable ? "reachable" : "unreachable"),
            status: ready ? .ok : .serviceUnavailable)
        if shedding { response.headers[.retryAfter] = String(admission.configuration.retryAfterSeconds) }
        return response
    }
}
