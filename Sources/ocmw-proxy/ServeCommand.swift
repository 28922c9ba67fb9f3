import ArgumentParser
import CurlClient
import Hummingbird
import Logging
import ProxyServer

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
        let proxy = ProxyApplication(
            configuration: options.proxyConfiguration,
            registry: TenantRegistryStore(registry),
            client: CurlClient(logger: logger),
            routingIndex: try options.openRoutingIndex(),
            logger: logger
        )
        logger.info("starting", metadata: ["tenants": "\(registry.tenants.count)", "active": "\(registry.activeTenants.count)"])
        try await proxy.makeApplication().runService()
    }
}
