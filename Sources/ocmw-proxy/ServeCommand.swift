import ArgumentParser
import CurlClient
import Hummingbird
import Logging
import ProxyServer
import ServiceLifecycle

/// `ocmw-proxy serve`: runs the proxy against the backends of `tenants.json`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the proxy for the OCMWs in the tenants file."
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let logger = LoggingSetup.bootstrap(level: options.logLevel)
        let registry = try options.loadRegistry()
        let (proxy, services) = options.makeProxy(registry: registry, routingIndex: try options.openRoutingIndex(),
                                                  logger: logger)
        logger.info("starting", metadata: ["tenants": "\(registry.tenants.count)", "active": "\(registry.activeTenants.count)"])
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: proxy.makeApplication()), .init(service: proxy.makeAdminApplication())]
                + services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
