import ArgumentParser
import BackendAccess
import CitizenDispatch
import CurlClient
import Delivery
import Foundation
import Logging
import OCMWCore
import Observability
import Outbox
import PrivateFiles
import ProxyServer
import SQLiteStores
import ServiceLifecycle
import TenantReload

/// Options shared by `serve` and `demo`.
package struct ServerOptions: ParsableArguments {
    package init() {}

    @Option(help: "Path of the tenants file.")
    package var tenants: String = "tenants.json"

    @Option(help: "Address to listen on.")
    package var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    package var port: Int = 8080

    @Option(help: "Address of the admin API (tenant status, reload, metrics); keep it private.")
    package var adminHost: String = "127.0.0.1"

    @Option(help: "Port of the admin API.")
    package var adminPort: Int = 9090

    @Option(help: "Longest time a citizen request may take, in milliseconds.")
    package var requestDeadlineMs: Int = 5_000

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    package var logLevel: Logger.Level = .info

    @Option(help: "File to write this process's id to once it serves; removed when it stops cleanly.")
    package var pidFile: String?

    @Option(help: "Directory for the proxy's databases (routing index: routing.sqlite).")
    package var dataDir: String = "data"

    @Flag(inversion: .prefixedNo, help: "Ask the active OCMWs about citizens the routing index does not know.")
    package var discovery: Bool = true

    @Option(help: "How long an OCMW's 'unknown citizen' answer is believed, in seconds.")
    package var discoveryNegativeTtlSeconds: Int = 300

    @Option(help: "Overall deadline of one citizen's discovery probes, in milliseconds.")
    package var discoveryDeadlineMs: Int = 1_500

    @Option(help: "Discovery probes in flight at once for one citizen.")
    package var discoveryConcurrency: Int = 32

    @Option(
        help:
            "How long this instance reuses a routing-index look-up, in seconds (0: never); other instances' registrations are seen at most this late, this instance's own at once."
    )
    package var routingCacheTtlSeconds: Int = 60

    @Option(
        help:
            "How long a delivery in progress is reserved for this instance, in seconds (at least the OCMW's deliveryTimeoutMs plus queueTimeoutMs plus 10 s); after a crash another instance (or this one, restarted) takes over once it expires."
    )
    package var deliveryLeaseSeconds: Int = 60

    @Option(help: "Deliveries in flight at once per OCMW (at most half the OCMW's maxInFlight).")
    package var deliveryConcurrency: Int = 8

    @Option(
        help:
            "Days a delivered submission stays answerable at /v1/submissions/{id} before its row is deleted (its personal data goes at delivery; the audit trail keeps who submitted what)."
    )
    package var outboxRetentionDays: Int = OutboxRetention.defaultDeliveredDays

    @Option(help: "Days a failed submission's personal data is kept for an operator's retry before it is erased.")
    package var failedSubmissionRetentionDays: Int = OutboxRetention.defaultFailedPayloadDays

    /// The outbox retention the options ask for.
    package func outboxRetention() throws -> OutboxRetention {
        guard let retention = OutboxRetention(deliveredDays: outboxRetentionDays, failedPayloadDays: failedSubmissionRetentionDays)
        else { throw ValidationError("--outbox-retention-days and --failed-submission-retention-days must be at least 1") }
        return retention
    }

    @Option(help: "Submissions each caller (client id) may make per second, steadily; past it, 429 rate-limited.")
    package var submissionRatePerClient: Double = 100

    @Option(help: "Submissions a caller may make at once above its steady rate (the burst).")
    package var submissionBurstPerClient: Int = 200

    @OptionGroup(title: "Overload")
    package var admission: AdmissionOptions

    /// Delivery settings these options describe.
    package var deliveryConfiguration: DeliveryService.Configuration {
        var configuration = DeliveryService.Configuration()
        configuration.leaseDuration = .seconds(max(1, deliveryLeaseSeconds))
        configuration.maxConcurrentDeliveries = max(1, deliveryConcurrency)
        return configuration
    }

    /// The proxy configuration these options describe.
    package var proxyConfiguration: ProxyConfiguration {
        ProxyConfiguration(
            host: host, port: port, adminHost: adminHost, adminPort: adminPort, requestDeadlineMs: requestDeadlineMs,
            discovery: DiscoveryConfiguration(
                enabled: discovery, negativeTTL: .seconds(discoveryNegativeTtlSeconds),
                maxConcurrentProbes: discoveryConcurrency, deadlineMs: discoveryDeadlineMs),
            admission: admission.configuration,
            routingCache: .init(ttl: .seconds(max(0, routingCacheTtlSeconds))),
            submissionRatePerClient: .init(
                ratePerSecond: max(submissionRatePerClient, 0.001), burst: max(1, submissionBurstPerClient)))
    }

    /// Opens (creating if needed) the routing index in the data directory.
    /// - Parameter subdirectory: Keeps a demo's index apart from a real one.
    package func openRoutingIndex(subdirectory: String? = nil) throws -> SQLiteRoutingIndex {
        var directory = URL(fileURLWithPath: dataDir)
        if let subdirectory { directory.appendPathComponent(subdirectory) }
        try PrivateDirectory.prepare(atPath: directory.path)
        return try SQLiteRoutingIndex(path: directory.appendingPathComponent("routing.sqlite").path)
    }

    /// The proxy and its services for a registry read from the tenants file: the citizen API, the
    /// admin API, and reloading the file when it changes or on SIGHUP.
    /// - Parameter environment: Where backend secrets named `{"env": …}` are looked up.
    /// - Parameter outbox: Where accepted submissions wait for delivery.
    package func makeProxy(
        registry: TenantRegistry, routingIndex: any RoutingIndexStore, security: SecuritySetup,
        outbox: any OutboxStore, condition: InstanceCondition = InstanceCondition(),
        environment: @escaping @Sendable (String) -> String? = BackendCredentials.processEnvironment,
        logger: Logger
    ) throws -> (proxy: ProxyApplication, services: [any Service]) {
        let metrics = ProxyMetrics()
        let store = TenantRegistryStore(registry)
        let reloader = TenantReloader(
            path: tenants, store: store, metrics: metrics, logger: logger,
            credentialProblems: { CredentialPresence.problems(in: $0, environment: environment).map(\.description) })
        // One multi handle serves every tenant: its per-host cap is the largest tenant's (and
        // follows reloads, see ProxyApplication); each tenant's bulkhead keeps its own calls (and
        // so its connections in use) within its limits.
        let client = CurlClient(configuration: .init(maxConnectionsPerHost: registry.largestConnectionCap), logger: logger)
        let proxy = ProxyApplication(
            configuration: proxyConfiguration, registry: store, client: client,
            routingIndex: routingIndex, metrics: metrics, reloader: reloader,
            security: security.security, audit: security.audit,
            credentials: BackendCredentials(client: client, logger: logger, environment: environment),
            outbox: outbox, condition: condition,
            logger: logger)
        let services: [any Service] =
            [
                TenantFileWatcher(path: tenants, reloader: reloader),
                TenantSignalReloader(reloader: reloader, alsoReload: [security.reloadKeys]),
                OutboxRetentionService(outbox: outbox, retention: try outboxRetention(), logger: logger),
            ] + security.services
        return (proxy, services)
    }

    /// Reads and validates the tenants file, printing every problem on failure.
    /// - Parameter environment: Where active tenants' secrets are checked (as every reload
    ///   checks them); nil to skip that (the demo makes its own keys).
    package func loadRegistry(
        checkingCredentialsIn environment: (@Sendable (String) -> String?)? = BackendCredentials.processEnvironment
    ) throws -> TenantRegistry {
        try TenantsFile.load(path: tenants, checkingCredentialsIn: environment)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Reading `tenants.json` from disk, with readable errors.
package enum TenantsFile {
    package struct LoadError: Error, CustomStringConvertible {
        package let description: String
        /// What a command ends with for this error: 66 unreadable, 78 not valid (docs/cli.md).
        package let status: ExitCode
    }

    /// - Parameter environment: When given, an active tenant whose secret is missing (or not of
    ///   its `backend.auth` kind) is a problem too, as it is for every reload.
    package static func load(
        path: String, checkingCredentialsIn environment: (@Sendable (String) -> String?)? = nil
    ) throws -> TenantRegistry {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(description: "cannot read \(path): \(error.localizedDescription)", status: ExitStatus.noInput)
        }
        let registry: TenantRegistry
        do {
            registry = try TenantRegistry(jsonData: data)
        } catch {
            throw invalid(path, error.problems)
        }
        if let environment {
            let missing = CredentialPresence.problems(in: registry, environment: environment)
            guard missing.isEmpty else { throw invalid(path, missing) }
        }
        return registry
    }

    private static func invalid(_ path: String, _ problems: [TenantValidationError]) -> LoadError {
        LoadError(
            description: "\(path) is not valid:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"),
            status: ExitStatus.config)
    }
}

/// Bootstraps process-wide logging once, in executables only.
package enum LoggingSetup {
    package static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "ocmw-proxy")
    }
}

/// This process's name in outbox leases: host, process id and a random part, so two instances on
/// one host (or a restarted one) never share leases.
package enum DeliveryOwner {
    package static let thisProcess: String = {
        let host = ProcessInfo.processInfo.hostName
        return "\(host)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
    }()
}
