// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ocmw-proxy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ocmw-proxy", targets: ["ocmw-proxy"]),
        .executable(name: "ocmw-dev", targets: ["ocmw-dev"]),
        .executable(name: "newsocial-sim", targets: ["newsocial-sim"]),
        .library(name: "NewSocialSimulator", targets: ["NewSocialSimulator"]),
        .executable(name: "ocmw-loadtest", targets: ["ocmw-loadtest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", exact: "0.2.0"),
    ],
    targets: [
        // libcurl, with typed wrappers for its variadic C functions. Nothing else lives here.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Files only their owner can read (mode 0600 from creation): keys, tokens, exports.
        .target(name: "PrivateFiles"),
        // Pure core: INSZ, KBO, tenants and their validated registry snapshot. No I/O.
        .target(name: "OCMWCore"),
        // The door: adaptive concurrency limit, CoDel queue, fair share, discovery and upload budgets.
        .target(name: "Admission"),
        // Shared dossier model and one normaliser per New Social dialect: pure functions bytes -> model.
        .target(name: "OCMWDomain", dependencies: ["OCMWCore"]),
        // One libcurl multi handle driven by a service thread, behind an async API.
        .target(
            name: "CurlClient",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Routing files: the streaming, validating import into any routing index store, and the
        // generator of synthetic files for benchmarks.
        .target(
            name: "RoutingImport",
            dependencies: ["OCMWCore"]
        ),
        // Callers' bearer JWTs: JWKS, algorithms, issuer, audience, time, scopes, citizen claim.
        .target(
            name: "CallerAuth",
            dependencies: [
                "OCMWCore", "PrivateFiles",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The append-only audit trail of access to citizen data, with keyed INSZ pseudonyms.
        .target(
            name: "AuditTrail",
            dependencies: [
                "OCMWCore", "PrivateFiles",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Durable outbox of submissions (requests for help, certificate requests): one store
        // protocol, encrypted payloads, leases for exactly-once delivery. No database.
        .target(
            name: "Outbox",
            dependencies: [
                "OCMWCore", "PrivateFiles",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The audit trail, the outbox and the routing index in SQLite (GRDB): one file each,
        // the embedded default of a single instance.
        .target(
            name: "SQLiteStores",
            dependencies: [
                "OCMWCore", "AuditTrail", "Outbox", "PrivateFiles",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The audit trail, the outbox and the routing index in PostgreSQL, for several proxy
        // instances on one database.
        .target(
            name: "PostgresStores",
            dependencies: [
                "OCMWCore", "AuditTrail", "Outbox",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The compatibility checks every store implementation must pass, shared by the test
        // targets of each implementation (SQLite in AuditTrailTests, OutboxTests and
        // RoutingIndexTests; PostgreSQL in PostgresStoresTests).
        .target(
            name: "StoreConformance",
            dependencies: ["OCMWCore", "AuditTrail", "Outbox"],
            path: "Tests/StoreConformance"
        ),
        // A throwaway schema per test on the PostgreSQL named by OCMW_TEST_POSTGRES_URL.
        .target(
            name: "PostgresTesting",
            dependencies: [
                "PostgresStores",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTesting"
        ),
        // Submissions as they arrive: streaming multipart parsing with limits, file types by
        // content, applicant and code-table validation. Pure: no I/O.
        .target(
            name: "SubmissionIntake",
            dependencies: ["OCMWCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Metrics of the proxy (Prometheus exposition) and each tenant's recent calls.
        .target(
            name: "Observability",
            dependencies: [
                "OCMWCore", "OCMWDomain",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // Calls to one tenant's New Social through its own guards (breaker, rate limit, bulkhead,
        // deadline, retry budget), with its credentials (secrets, OAuth2, TLS). No HTTP server.
        .target(
            name: "BackendAccess",
            dependencies: [
                "OCMWCore", "OCMWDomain", "CurlClient", "Observability", "PrivateFiles",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Finding a citizen's OCMWs (routing index, discovery) and fanning a read out to them;
        // the answer assembled and written as JSON. Testable without an HTTP server.
        .target(
            name: "CitizenDispatch",
            dependencies: [
                "OCMWCore", "OCMWDomain", "BackendAccess",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The worker that delivers accepted submissions from the outbox to New Social.
        .target(
            name: "Delivery",
            dependencies: [
                "OCMWCore", "Outbox", "SubmissionIntake", "BackendAccess", "CurlClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // tenants.json reloaded without restart: on change (file watch), SIGHUP and request.
        .target(
            name: "TenantReload",
            dependencies: [
                "OCMWCore", "Observability", "PrivateFiles",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The operators' status and sign-in pages: what they show, their templates and the admin
        // credential and session scheme. No HTTP server (the routes are in ProxyServer).
        .target(
            name: "AdminUI",
            dependencies: [
                "Admission",
                "OCMWCore", "Outbox", "Observability", "BackendAccess", "TenantReload",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Templates, style sheet and script as files, compiled into the module.
            resources: [.embedInCode("Templates")]
        ),
        // The demo's citizen page: the public API's answers drawn as the wireframes of Bijlage 4.
        .target(
            name: "DemoSupport",
            dependencies: ["AdminUI", "CurlClient", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates")]
        ),
        // The HTTP server: routes (the pages' too), middleware, error -> problem+json mapping, wiring.
        .target(
            name: "ProxyServer",
            dependencies: [
                "OCMWCore", "OCMWDomain", "CurlClient", "CallerAuth", "AuditTrail", "Outbox", "SubmissionIntake",
                "Observability", "BackendAccess", "CitizenDispatch", "Delivery", "TenantReload", "AdminUI", "DemoSupport",
                "Admission", "PrivateFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Simulated New Social installations (one listener per OCMW), with fault injection.
        .target(
            name: "NewSocialSimulator",
            dependencies: [
                "OCMWCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Shared test helpers: in-memory logging, fixtures, running simulator + proxy in-process.
        .target(
            name: "ProxyTesting",
            dependencies: [
                "OCMWCore", "CurlClient", "ProxyServer", "NewSocialSimulator", "SQLiteStores", "CallerAuth", "AuditTrail", "Outbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // What the executables share: the server's command-line options, the stores they select
        // (SQLite or PostgreSQL) and the routing commands' helpers.
        .target(
            name: "ProxyBootstrap",
            dependencies: [
                "OCMWCore", "ProxyServer", "CurlClient", "RoutingImport", "SQLiteStores", "CallerAuth", "AuditTrail", "Outbox",
                "PostgresStores", "PrivateFiles", "Observability", "BackendAccess", "CitizenDispatch", "Delivery",
                "TenantReload", "Admission",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The production binary: serve, tenants, routing (import, lookup), audit. It does not
        // link the simulator.
        .executableTarget(
            name: "ocmw-proxy",
            dependencies: [
                "OCMWCore", "OCMWDomain", "ProxyServer", "ProxyBootstrap", "CurlClient", "RoutingImport", "SQLiteStores", "CallerAuth",
                "AuditTrail", "Outbox", "PostgresStores", "PrivateFiles",
                "Observability", "BackendAccess", "CitizenDispatch", "Delivery", "TenantReload",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The developer tool: the demo (simulated OCMWs + proxy), development tokens, benchmarks.
        .executableTarget(
            name: "ocmw-dev",
            dependencies: [
                "OCMWCore", "ProxyServer", "ProxyBootstrap", "CurlClient", "NewSocialSimulator", "RoutingImport", "SQLiteStores",
                "CallerAuth", "AuditTrail", "Outbox", "PrivateFiles", "Observability", "BackendAccess",
                "CitizenDispatch", "Delivery", "TenantReload", "DemoSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "newsocial-sim",
            dependencies: [
                "NewSocialSimulator", "OCMWCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The load-test harness: open-model schedule, scenarios, per-tenant histograms, reports.
        .target(
            name: "LoadTest",
            dependencies: [
                "CurlClient", "NewSocialSimulator", "OCMWCore",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ocmw-loadtest",
            dependencies: [
                "LoadTest", "CurlClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "OCMWCoreTests", dependencies: ["OCMWCore"]),
        .testTarget(name: "AdmissionTests", dependencies: ["Admission"]),
        .testTarget(name: "PrivateFilesTests", dependencies: ["PrivateFiles"]),
        .testTarget(name: "RoutingIndexTests", dependencies: ["RoutingImport", "SQLiteStores", "OCMWCore", "StoreConformance"]),
        .testTarget(
            name: "CallerAuthTests",
            dependencies: [
                "CallerAuth", "OCMWCore",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "AuditTrailTests", dependencies: ["AuditTrail", "SQLiteStores", "OCMWCore", "StoreConformance"]),
        .testTarget(
            name: "OutboxTests",
            dependencies: ["Outbox", "SQLiteStores", "OCMWCore", "StoreConformance", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "PostgresStoresTests",
            dependencies: [
                "PostgresStores", "PostgresTesting", "AuditTrail", "Outbox", "OCMWCore", "StoreConformance",
            ]
        ),
        .testTarget(
            name: "LoadTestTests",
            dependencies: ["LoadTest", "OCMWCore", "CurlClient", "NewSocialSimulator", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "SubmissionIntakeTests", dependencies: ["SubmissionIntake", "OCMWCore"]),
        .testTarget(name: "OCMWDomainTests", dependencies: ["OCMWDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CurlClientTests", dependencies: ["CurlClient", "ProxyTesting"]),
        // The dispatch core without an HTTP server: answers written byte for byte as encoded.
        .testTarget(
            name: "CitizenDispatchTests",
            dependencies: ["CitizenDispatch", "BackendAccess", "OCMWCore", "OCMWDomain", "NewSocialSimulator"]
        ),
        .testTarget(
            name: "NewSocialSimulatorTests",
            dependencies: ["NewSocialSimulator", "OCMWCore"]
        ),
        .testTarget(
            name: "ProxyServerTests",
            dependencies: [
                "Admission",
                "ProxyServer", "ProxyTesting", "NewSocialSimulator", "CurlClient", "CallerAuth", "AuditTrail", "Outbox",
                "PostgresStores", "PostgresTesting", "Observability", "BackendAccess", "CitizenDispatch", "Delivery", "TenantReload",
                "OCMWDomain", "AdminUI", "DemoSupport", "SQLiteStores",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
