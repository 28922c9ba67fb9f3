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

    @Option(
        help:
            "Seconds a stopping instance (SIGTERM) keeps serving while /health/ready answers 503 draining, so a load balancer moves traffic first; then requests in flight finish."
    )
    var drainSeconds: Double = 5

    func validate() throws {
        guard drainSeconds >= 0 else { throw ValidationError("--drain-seconds must not be negative") }
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
        let reachability = stores.reachability(logger: logger)
        let (proxy, services) = try options.makeProxy(
            registry: registry, routingIndex: try await stores.routingIndex(options: options, logger: logger),
            security: security, outbox: try await stores.outbox(keyRing: security.outboxKeys, logger: logger),
            condition: InstanceCondition(databaseReachable: { reachability?.isReachable ?? true }),
            logger: logger)
        let databaseServices: [any Service] = [
            reachability as (any Service)?,
            stores.routingChangeListener(logger: logger, onChange: proxy.routingIndexChanged),
        ].compactMap { $0 }
        logger.info(
            "starting",
            metadata: [
                "tenants": "\(registry.tenants.count)", "active": "\(registry.activeTenants.count)",
                "stores": "\(stores.name)",
            ])
        let group = ServiceGroup(
            configuration: .init(
                services: proxy.servicesInStopOrder(
                    infrastructure: services + databaseServices,
                    delivery: proxy.makeDeliveryService(
                        configuration: options.deliveryConfiguration, owner: DeliveryOwner.thisProcess),
                    drain: DrainService(
                        condition: proxy.condition, delay: .milliseconds(Int(drainSeconds * 1000)), logger: logger)),
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await PIDFile.around(options.pidFile) { try await group.run() }
    }
}
