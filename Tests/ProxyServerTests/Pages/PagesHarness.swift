import BackendAccess
import CurlClient
import DemoSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

@testable import ProxyServer

/// What a pages test gets: the live public API (with a caller token), the admin router, the
/// demo citizen page router, the simulator and the admin token.
struct PagesFixture: Sendable {
    let api: AuthorizedClient
    let admin: any TestClientProtocol
    let citizenPage: any TestClientProtocol
    let simulator: NewSocialSimulator
    let adminToken: String

    var bearer: HTTPFields { [.authorization: "Bearer \(adminToken)"] }
}

/// A live proxy (port 0) in front of simulated Gent (v2) and Bonheiden (v1), plus Leuven in
/// `onboarding` (no backend), with the routing index holding the demo citizens. The admin
/// router and the citizen page run in-process on the same proxy's state.
func withPagesProxy(_ body: @Sendable (PagesFixture) async throws -> Void) async throws {
    let security = try await TestSecurity()
    let token = try await security.token()
    let dataset = Dataset.generate(seed: 7, tenants: [TenantID("gent")!, TenantID("bonheiden")!], citizens: 20)
    try await withSimulator([("gent", .v2), ("bonheiden", .v1)], dataset: dataset) { simulator, ports in
        let document = TenantsDocument(tenants: [
            TestTenants.entry(id: "gent", dialect: .v2, port: ports[TenantID("gent")!] ?? 0, index: 0),
            TestTenants.entry(id: "bonheiden", dialect: .v1, port: ports[TenantID("bonheiden")!] ?? 0, index: 1),
            TestTenants.entry(id: "leuven", dialect: .v2, port: 9, index: 2, state: .onboarding),
        ])
        let registry = try TenantRegistry(validating: document)
        let index = InMemoryRoutingIndex()
        try await index.importRegistrations(dataset.routingRegistrations(currentYear: testToday.year))
        let logger = Logger(label: "pages", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = CurlClient(logger: logger)
        let proxy = ProxyApplication(
            configuration: testConfiguration(discovery: .init(enabled: false)),
            registry: TenantRegistryStore(registry), client: client, routingIndex: index,
            security: security.security, audit: security.audit,
            credentials: BackendCredentials(client: client, logger: logger, environment: TestTenants.environment),
            outbox: try TestSecurity.outbox(), logger: logger)
        try await proxy.makeApplication().test(.live) { live in
            let port = try #require(live.port)
            let pages = DemoPages(apiOrigin: "http://127.0.0.1:\(port)") { token }
            try await Application(router: proxy.makeAdminRouter()).test(.router) { admin in
                let pageRouter = Router(context: ProxyRequestContext.self)
                pageRouter.add(middleware: ProblemMiddleware())
                DemoCitizenRoutes(pages: pages, client: client, configuration: proxy.configuration).register(on: pageRouter)
                try await Application(router: pageRouter).test(.router) { citizenPage in
                    try await body(
                        PagesFixture(
                            api: AuthorizedClient(raw: live, token: token), admin: admin,
                            citizenPage: citizenPage, simulator: simulator,
                            adminToken: security.adminToken))
                }
            }
        }
    }
}
