import CurlClient
import Hummingbird
import Logging
import OCMWCore

/// Everything a running proxy is made of, wired together.
public struct ProxyApplication: Sendable {
    public let configuration: ProxyConfiguration
    public let registry: TenantRegistryStore
    public let client: CurlClient
    public let routingIndex: any RoutingIndexStore
    public let metrics: ProxyMetrics
    /// Reloads `tenants.json` (file change, SIGHUP, admin call); nil when the registry came from
    /// elsewhere (tests).
    public let reloader: TenantReloader?
    public let logger: Logger
    let runtimes = TenantRuntimeRegistry()

    public init(configuration: ProxyConfiguration, registry: TenantRegistryStore, client: CurlClient,
                routingIndex: any RoutingIndexStore, metrics: ProxyMetrics = ProxyMetrics(),
                reloader: TenantReloader? = nil, logger: Logger) {
        self.configuration = configuration
        self.registry = registry
        self.client = client
        self.routingIndex = routingIndex
        self.metrics = metrics
        self.reloader = reloader
        self.logger = logger
    }

    /// The router with every route and middleware of the public API.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        let gateway = BackendGateway(client: client, runtimes: runtimes, metrics: metrics, logger: logger)
        let locator = CitizenLocator(index: routingIndex, gateway: gateway, configuration: configuration.discovery,
                                     today: configuration.today, logger: logger)
        CitizenRoutes(configuration: configuration, registry: registry, locator: locator,
                      dispatcher: CitizenDispatcher(gateway: gateway)).register(on: router)
        CertificateDocumentRoutes(configuration: configuration, registry: registry, gateway: gateway).register(on: router)
        RoutingRoutes(configuration: configuration, registry: registry, index: routingIndex, locator: locator)
            .register(on: router)
        CatalogueRoutes(registry: registry).register(on: router)
        HealthRoutes(registry: registry, client: client).register(on: router)
        return router
    }

    /// The operators' router: tenant status, reload, metrics. Served on its own port (by default
    /// on the loopback interface only), apart from the citizen API.
    public func makeAdminRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        AdminRoutes(registry: registry, runtimes: runtimes, reloader: reloader, metrics: metrics).register(on: router)
        return router
    }

    /// The Hummingbird application; the curl client runs as one of its services, so it starts
    /// before the server accepts requests and stops after the server has drained.
    /// - Parameter onServerRunning: Called once the server listens, with the bound port.
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "ocmw-proxy"),
            services: [client],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// The admin application on `configuration.adminHost:adminPort`.
    public func makeAdminApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: makeAdminRouter(),
            configuration: .init(address: .hostname(configuration.adminHost, port: configuration.adminPort),
                                 serverName: "ocmw-proxy-admin"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
