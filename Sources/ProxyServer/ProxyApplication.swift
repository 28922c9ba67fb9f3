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
    public let logger: Logger

    public init(configuration: ProxyConfiguration, registry: TenantRegistryStore, client: CurlClient,
                routingIndex: any RoutingIndexStore, logger: Logger) {
        self.configuration = configuration
        self.registry = registry
        self.client = client
        self.routingIndex = routingIndex
        self.logger = logger
    }

    /// The router with every route and middleware of the public API.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        let gateway = BackendGateway(client: client, gate: InFlightGate(), logger: logger)
        let locator = CitizenLocator(index: routingIndex, gateway: gateway, configuration: configuration.discovery,
                                     today: configuration.today, logger: logger)
        CitizenRoutes(configuration: configuration, registry: registry, locator: locator,
                      dispatcher: CitizenDispatcher(gateway: gateway)).register(on: router)
        CertificateDocumentRoutes(configuration: configuration, registry: registry, gateway: gateway).register(on: router)
        RoutingRoutes(configuration: configuration, registry: registry, index: routingIndex, locator: locator)
            .register(on: router)
        CatalogueRoutes(registry: registry).register(on: router)
        HealthRoutes(registry: registry).register(on: router)
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
}
