import Hummingbird

/// `GET /health`: the process is up and has a tenant registry.
struct HealthRoutes: Sendable {
    let registry: TenantRegistryStore

    private struct Health: Encodable {
        let status: String
        let activeTenants: Int
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in
            try Response.json(Health(status: "ok", activeTenants: registry.snapshot.activeTenants.count))
        }
    }
}
