import AdminUI
import Admission
import BackendAccess
import CitizenDispatch
import CurlClient
import Delivery
import DemoSupport
import Hummingbird
import Logging
import OCMWCore
import Observability
import Outbox
import TenantReload

/// Everything a running proxy is made of, wired together.
public struct ProxyApplication: Sendable {
    public let configuration: ProxyConfiguration
    public let registry: TenantRegistryStore
    public let client: CurlClient
    /// The routing index as the request path uses it: behind the look-up cache unless that is off,
    /// so the feed's and discovery's writes invalidate the cache they pass through.
    public let routingIndex: any RoutingIndexStore
    public let metrics: ProxyMetrics
    /// Reloads `tenants.json` (file change, SIGHUP, admin call); nil when the registry came from
    /// elsewhere (tests).
    public let reloader: TenantReloader?
    /// Callers' tokens and the admin credential.
    public let security: ProxySecurity
    /// The audit trail of access to citizen data.
    public let audit: AuditLog
    public let logger: Logger
    /// Each tenant's credentials toward its New Social.
    public let credentials: BackendCredentials
    /// Where accepted submissions wait for delivery.
    public let outbox: any OutboxStore
    let runtimes: TenantRuntimeRegistry
    /// The door of the public API (admission control, fair share, discovery and upload budgets).
    public let admission: AdmissionGate
    /// Finds the OCMWs holding a citizen's dossier (routing index, then discovery); one per
    /// proxy, so its discovery cache hears of every registration, also another instance's.
    let locator: CitizenLocator
    /// Backend calls, through each tenant's guards.
    let gateway: BackendGateway
    /// The demo's citizen page (`/demo/citizens/{insz}`) on the public listener; nil (no page)
    /// outside `ocmw-proxy demo`.
    public var demoPages: DemoPages?
    /// Draining and the shared database, for readiness.
    public let condition: InstanceCondition

    public init(
        configuration: ProxyConfiguration, registry: TenantRegistryStore, client: CurlClient,
        routingIndex: any RoutingIndexStore, metrics: ProxyMetrics = ProxyMetrics(),
        reloader: TenantReloader? = nil, security: ProxySecurity, audit: AuditLog,
        credentials: BackendCredentials? = nil, outbox: any OutboxStore,
        condition: InstanceCondition = InstanceCondition(), logger: Logger
    ) {
        self.condition = condition
        self.configuration = configuration
        self.registry = registry
        runtimes = TenantRuntimeRegistry(current: { [registry] in registry.snapshot })
        self.client = client
        self.routingIndex =
            configuration.routingCache.isEnabled
            ? CachingRoutingIndex(wrapping: routingIndex, configuration: configuration.routingCache)
            : routingIndex
        self.metrics = metrics
        self.reloader = reloader
        // One multi handle serves every tenant, so its per-host cap is the largest tenant's; it
        // follows reloads (each tenant's bulkhead keeps its own calls within its own limits).
        reloader?.onReloaded { [client] registry in client.setMaxConnectionsPerHost(registry.largestConnectionCap) }
        self.security = security
        self.audit = audit
        self.logger = logger
        self.credentials = credentials ?? BackendCredentials(client: client, logger: logger)
        self.outbox = outbox
        admission = AdmissionGate(configuration: configuration.admission) { reason, tenants in
            metrics.admissionShed(reason: reason.rawValue, tenants: tenants)
        }
        gateway = BackendGateway(
            client: client, credentials: self.credentials, runtimes: runtimes, metrics: metrics, logger: logger)
        locator = CitizenLocator(
            index: self.routingIndex, gateway: gateway,
            configuration: configuration.discovery, today: configuration.today, logger: logger)
    }

    /// Takes in a change another instance made to the shared routing index: the look-up cache
    /// and the discovery cache forget what it made stale, so the next read sees it.
    public func routingIndexChanged(_ change: RoutingIndexChange) {
        (routingIndex as? CachingRoutingIndex)?.apply(change)
        locator.apply(change)
    }

    /// The router with every route and middleware of the public API.
    public func makeRouter() -> Router<ProxyRequestContext> {
        let router = Router(context: ProxyRequestContext.self)
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: RequestLimitsMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(
            middleware: AdmissionMiddleware(
                gate: admission,
                classifier: AdmissionClassifier(registry: registry, routingIndex: routingIndex, configuration: configuration)))
        let auditCapacity = AuditCapacityMiddleware<ProxyRequestContext>(audit: audit, metrics: metrics)
        let readers = router.group().add(middleware: auditCapacity)
            .add(middleware: CallerAuthMiddleware(verifier: security.verifier, scope: .read))
        CitizenRoutes(
            configuration: configuration, registry: registry, locator: locator,
            dispatcher: CitizenDispatcher(gateway: gateway), security: security, audit: audit, admission: admission,
            outbox: outbox
        )
        .register(on: readers)
        CertificateDocumentRoutes(
            configuration: configuration, registry: registry, gateway: gateway,
            security: security, audit: audit
        ).register(on: readers)
        CatalogueRoutes(registry: registry).register(on: readers)
        let submitters = router.group().add(middleware: auditCapacity)
            .add(middleware: CallerAuthMiddleware(verifier: security.verifier, scope: .submit))
        SubmissionRoutes(
            configuration: configuration, registry: registry, outbox: outbox, security: security, audit: audit,
            rateLimit: SubmissionRateLimit(configuration.submissionRatePerClient),
            applications: ApplicationRouting(index: routingIndex, locator: locator, today: configuration.today, logger: logger),
            admission: admission
        )
        .register(on: submitters)
        SubmissionEventRoutes(outbox: outbox, audit: audit).register(on: submitters)
        let feed = router.group().add(middleware: auditCapacity)
            .add(middleware: CallerAuthMiddleware(verifier: security.verifier, scope: .routing))
        RoutingRoutes(configuration: configuration, registry: registry, index: routingIndex, locator: locator, audit: audit)
            .register(on: feed)
        HealthRoutes(registry: registry, client: client, audit: audit, admission: admission, condition: condition)
            .register(on: router)
        if let demoPages {
            DemoCitizenRoutes(pages: demoPages, client: client, configuration: configuration).register(on: router)
        }
        return router
    }

    /// The service that delivers accepted submissions to the OCMWs.
    /// - Parameter owner: This instance's name in outbox leases (unique per running process).
    public func makeDeliveryService(
        configuration: DeliveryService.Configuration = .init(),
        owner: String
    ) -> DeliveryService {
        DeliveryService(
            outbox: outbox, registry: registry, gateway: gateway, configuration: configuration,
            owner: owner, logger: logger, events: { [metrics] in metrics.deliveryEvent($0.rawValue) })
    }

    /// The operators' router: tenant status, reload, metrics, and the status page (`/admin`).
    /// Served on its own port (by default on the loopback interface only), apart from the citizen API.
    public func makeAdminRouter() -> Router<ProxyRequestContext> {
        let router = Router(context: ProxyRequestContext.self)
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: RequestLimitsMiddleware())
        router.add(middleware: ProblemMiddleware())
        let sessions = AdminSessions(credential: security.admin)
        router.add(middleware: AdminAuthMiddleware(security: security, sessions: sessions))
        AdminRoutes(registry: registry, runtimes: runtimes, reloader: reloader, metrics: metrics, audit: audit, admission: admission)
            .register(on: router)
        OutboxAdminRoutes(outbox: outbox).register(on: router)
        let reporter = StatusReporter(
            registry: registry, runtimes: runtimes, recentCalls: metrics.recentCalls,
            reloader: reloader, outbox: outbox, routingIndex: routingIndex, admission: { [admission] in admission.status })
        AdminPageRoutes(reporter: reporter, sessions: sessions).register(on: router)
        return router
    }

    /// The Hummingbird application; the curl client runs as one of its services, so it starts
    /// before the server accepts requests and stops after the server has drained.
    /// - Parameter onServerRunning: Called once the server listens, with the bound port.
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            // An idle (or slowloris) client is disconnected after 30 s.
            server: .guardedHTTP1(configuration: .init(idleTimeout: .seconds(30)), logger: logger),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
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
            server: .guardedHTTP1(logger: logger),
            configuration: .init(
                address: .hostname(configuration.adminHost, port: configuration.adminPort),
                serverName: "ocmw-proxy-admin"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
