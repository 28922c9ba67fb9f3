import ArgumentParser
import AuditTrail
import PostgresNIO
import PostgresStores
import Foundation
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
    @OptionGroup var securityOptions: SecurityOptions

    func validate() throws {
        if securityOptions.devAuth && !securityOptions.allowDevAuth {
            throw ValidationError("--dev-auth makes anyone with the data directory able to mint tokens; add --allow-dev-auth to run serve like that anyway (use `demo` for development)")
        }
    }

    func run() async throws {
        let logger = LoggingSetup.bootstrap(level: options.logLevel)
        guard let url = securityOptions.resolvedDatabaseURL else {
            try await serve(auditStore: nil, logger: logger)
            return
        }
        // The PostgreSQL client runs for as long as the proxy does: the audit store needs it
        // running from its first (migrating) query on.
        let client = PostgresClient(configuration: try PostgresURL(url).configuration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await serve(auditStore: try await PostgresAuditStore(client: client, logger: logger), logger: logger)
        }
    }

    private func serve(auditStore: (any AuditStore)?, logger: Logger) async throws {
        let registry = try options.loadRegistry()
        let security = try await SecuritySetup.make(securityOptions, dataDir: options.dataDir, auditStore: auditStore,
                                                    logger: logger)
        let (proxy, services) = try options.makeProxy(registry: registry, routingIndex: try options.openRoutingIndex(),
                                                      security: security, databaseDirectory: options.dataDir,
                                                      logger: logger)
        logger.info("starting", metadata: ["tenants": "\(registry.tenants.count)", "active": "\(registry.activeTenants.count)"])
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: proxy.makeApplication()), .init(service: proxy.makeAdminApplication())]
                + services.map { .init(service: $0) }
                + [.init(service: proxy.makeDeliveryService(configuration: options.deliveryConfiguration,
                                                                  owner: DeliveryOwner.thisProcess))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
