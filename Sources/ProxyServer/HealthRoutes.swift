import CurlClient
import Hummingbird
import OCMWCore

/// Health for orchestrators: `/health/live` (the process answers), `/health/ready` (it can serve:
/// a tenant registry with active tenants and a running curl client), and `/health` (readiness with
/// a little detail, for people).
struct HealthRoutes: Sendable {
    let registry: TenantRegistryStore
    let client: CurlClient

    private struct Health: Encodable {
        let status: String
        let activeTenants: Int
        let backendClient: String
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
        let ready = active > 0 && clientRunning
        return try Response.json(
            Health(
                status: ready ? "ok" : "unavailable", activeTenants: active,
                backendClient: clientRunning ? "running" : "stopped"),
            status: ready ? .ok : .serviceUnavailable)
    }
}
