import ArgumentParser
import AuditTrail
import CurlClient
import Foundation
import Hummingbird
import Logging
import ProxyBootstrap
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
        if !securityOptions.devAuth, securityOptions.jwks == nil || securityOptions.issuer == nil {
            throw ValidationError("give --jwks FILE and --issuer ISS (or --dev-auth --allow-dev-auth for development)")
        }
        _ = try options.outboxRetention()
        if securityOptions.devAuth && !securityOptions.allowDevAuth {
            throw ValidationError(
                "--dev-auth makes anyone with the data directory able to mint tokens; add --allow-dev-auth to run serve like that anyway (use `demo` for development)"
            )
        }
    }

    func run() async throws {
        try await ExitStatus.starting { try await start() }
    }

    private func start() async throws {
        let logger = LoggingSetup.bootstrap(level: options.logLevel)
        guard let url = securityOptions.resolvedDatabaseURL else {
            try await serve(stores: .sqlite(dataDir: options.dataDir), logger: logger)
            return
        }
        // The client runs for as long as the proxy does: the stores need it from their first
        // (migrating) query on, and every instance on this database shares their tables.
        try await PostgresSession.run(url: url, logger: logger) { client in
            try await serve(stores: .postgres(client), logger: logger)
        }
    }

    private func serve(stores: StoreSelection, logger: Logger) async throws {
        let registry = try options.loadRegistry()
        let security = try await SecuritySetup.make(
            securityOptions, dataDir: options.dataDir,
            auditStore: try await stores.auditStore(logger: logger), logger: logger)
        let (proxy, services) = try options.makeProxy(
            registry: registry, routingIndex: try await stores.routingIndex(options: options, logger: logger),
            security: security, outbox: try await stores.outbox(keyRing: security.outboxKeys, logger: logger),
            logger: logger)
        logger.info(
            "starting",
            metadata: [
                "tenants": "\(registry.tenants.count)", "active": "\(registry.activeTenants.count)",
                "stores": "\(stores.name)",
            ])
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: proxy.makeApplication()), .init(service: proxy.makeAdminApplication())]
                    + services.map { .init(service: $0) }
                    + [
                        .init(
                            service: proxy.makeDeliveryService(
                                configuration: options.deliveryConfiguration,
                                owner: DeliveryOwner.thisProcess))
                    ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await PIDFile.around(options.pidFile) { try await group.run() }
    }
}
