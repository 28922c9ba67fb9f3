import ArgumentParser
import CurlClient
import DemoSupport
import Foundation
import Hummingbird
import Logging
import NewSocialSimulator
import OCMWCore
import PrivateFiles
import ProxyBootstrap
import ProxyServer
import ServiceLifecycle

/// `ocmw-dev demo`: simulated OCMWs for every tenant of the tenants file, plus the proxy in
/// front of them, in one process; prints ready-to-paste curl lines.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run simulated OCMWs and the proxy together, and print example requests."
    )

    @OptionGroup var options: ServerOptions

    @Option(help: "Seed of the simulated dataset.")
    var seed: UInt64 = 42

    @Option(help: "Number of generated citizens besides the demo citizens.")
    var citizens: Int = 1_000

    @Option(help: "Port of the simulator's fault-injection admin listener.")
    var simulatorAdminPort: Int = 9_100

    func validate() throws {
        _ = try options.outboxRetention()
    }

    func run() async throws {
        try await ExitStatus.starting { try await start() }
    }

    private func start() async throws {
        let logger = LoggingSetup.bootstrap(level: options.logLevel)
        // The demo makes a key for every variable tenants.json names (below), so none is missing.
        let registry = try options.loadRegistry(checkingCredentialsIn: nil)
        // Payments up to last month, so the default payment window (the past 3 months) shows data.
        let today = DayDate.inBelgium(at: Date())
        let lastMonth = CalendarMonth(containing: today).adding(months: -1) ?? .earliest
        let dataset = Dataset.generate(
            seed: seed, tenants: registry.tenants.map(\.id), citizens: citizens,
            lastMonth: lastMonth)
        // Each simulated installation requires its own API key, as a real one would; the proxy
        // finds it under the variable tenants.json names (generated here unless already set).
        let demoKeys = DemoKeys(registry: registry)
        let demoDirectory = options.dataDir + "/demo"
        let keysFile = try demoKeys.write(toDirectory: demoDirectory)
        let backends = SimulatedBackend.backends(from: registry).map { backend in
            var backend = backend
            backend.requiredAPIKey = demoKeys.key(for: backend.tenant)
            return backend
        }
        let simulator = NewSocialSimulator(
            backends: backends, dataset: dataset,
            adminPort: simulatorAdminPort, logger: logger)
        // The routing feed New Social installations would have pushed for the simulated dossiers.
        let routingIndex = try options.openRoutingIndex(subdirectory: "demo")
        _ = try await routingIndex.importRegistrations(dataset.routingRegistrations(currentYear: today.year), progress: { _, _ in })
        let securityOptions = try SecurityOptions.parse(["--dev-auth"])
        let security = try await SecuritySetup.make(securityOptions, dataDir: demoDirectory, logger: logger)
        let outbox = try await StoreSelection.sqlite(dataDir: demoDirectory)
            .outbox(keyRing: security.outboxKeys, logger: logger)
        let (madeProxy, services) = try options.makeProxy(
            registry: registry, routingIndex: routingIndex, security: security,
            outbox: outbox, environment: demoKeys.environment, logger: logger)
        let readToken =
            try await security.devKey?.token(
                scopes: ["ocmw.dossier.read", "ocmw.dossier.submit"], insz: nil,
                clientID: "mijn-burgerprofiel-demo", lifetime: .seconds(12 * 3600)) ?? ""
        let adminToken = security.adminToken
        var proxy = madeProxy
        // The citizen page reads the public API as Mijn Burgerprofiel would, with its own token.
        let devKey = security.devKey
        let apiHost = ["0.0.0.0", "::", ""].contains(options.host) ? "127.0.0.1" : options.host
        proxy.demoPages = DemoPages(apiOrigin: "http://\(apiHost):\(options.port)") {
            try await devKey?.token(
                scopes: ["ocmw.dossier.read"], insz: nil, clientID: "demo-citizen-page",
                lifetime: .seconds(300)) ?? ""
        }
        let host = options.host
        let tenantsFile = options.tenants
        let adminPort = simulatorAdminPort
        let proxyAdminHost = options.adminHost
        let proxyAdminPort = options.adminPort
        let sample = dataset.citizens.dropFirst(DemoCitizens.all.count).first { citizen in
            citizen.records.contains { registry.tenant($0.tenant)?.receivesTraffic == true }
        }?.insz
        let app = proxy.makeApplication { port in
            let banner = DemoBanner.text(
                proxy: "http://\(host):\(port)", simulatorAdmin: "http://\(host):\(adminPort)",
                proxyAdmin: "http://\(proxyAdminHost):\(proxyAdminPort)",
                token: readToken, adminToken: adminToken,
                sampleINSZ: sample, dataDirectory: demoDirectory, keysFile: keysFile, tenantsFile: tenantsFile)
            // Written unbuffered: print() is block-buffered when piped, and the banner must show now.
            FileHandle.standardOutput.write(Data(banner.utf8))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: proxy.servicesInStopOrder(
                    infrastructure: services, before: [simulator],
                    delivery: proxy.makeDeliveryService(
                        configuration: options.deliveryConfiguration, owner: DeliveryOwner.thisProcess),
                    application: app),
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await PIDFile.around(options.pidFile) { try await group.run() }
    }
}

/// What the demo prints once everything listens.
enum DemoBanner {
    static func text(
        proxy: String, simulatorAdmin: String, proxyAdmin: String, token: String, adminToken: String,
        sampleINSZ: String?, dataDirectory: String, keysFile: String, tenantsFile: String
    ) -> String {
        let wireframe = "\(proxy)/v1/citizens/\(DemoCitizens.wireframeINSZ)"
        let twoOCMW = "\(proxy)/v1/citizens/\(DemoCitizens.twoOCMWINSZ)"
        var lines = [
            "",
            "ocmw-dev demo is running: proxy at \(proxy), simulated OCMWs on the ports of tenants.json.",
            "Every line carries a development token (12 h) signed by the demo's own key in \(dataDirectory);",
            "mint others with: ocmw-dev dev-token --data-dir \(dataDirectory) [--scope …] [--insz …]",
            "The simulated OCMWs' API keys are in \(keysFile); to probe one as the proxy calls it:",
            "  . \(keysFile) && ocmw-proxy tenants check gent --tenants \(tenantsFile)",
            "Try:",
            "  # everything of a citizen with dossiers at Gent (v2) and Bonheiden (v1), in one call",
            "  curl -s -H 'Authorization: Bearer \(token)' \(twoOCMW)/dossier",
            "  # the wireframe citizen (OCMW Gent), part by part",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/ocmws",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/rights",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/trajectories",
            "  curl -s -H 'Authorization: Bearer \(token)' '\(wireframe)/payments?from=2023-08&to=2023-08'   # the wireframe's August 2023",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/debts                               # totals 297196 / 272196 cents",
            "  curl -s -H 'Authorization: Bearer \(token)' '\(wireframe)/debts?includePaid=true'",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/requests",
            "  curl -s -H 'Authorization: Bearer \(token)' \(wireframe)/certificates                        # follow a \"download\" link for the PDF",
            "  # the catalogue: OCMWs, categories of help, certificate types",
            "  curl -s -H 'Authorization: Bearer \(token)' \(proxy)/v1/ocmws",
            "  # a valid INSZ no OCMW knows: 200 with an empty list (asked once, then remembered)",
            "  curl -s -H 'Authorization: Bearer \(token)' \(proxy)/v1/citizens/\(DemoCitizens.unknownINSZ)/dossier",
            "  # an invalid INSZ: 400 application/problem+json",
            "  curl -si -H 'Authorization: Bearer \(token)' \(proxy)/v1/citizens/12345678901/debts",
        ]
        if let sampleINSZ {
            lines += [
                "  # a generated citizen (payments of the past 3 months by default)",
                "  curl -s -H 'Authorization: Bearer \(token)' \(proxy)/v1/citizens/\(sampleINSZ)/dossier",
            ]
        }
        lines += [
            "  # make Bonheiden hang, watch its parts turn \"timeout\" within its deadline, then heal it",
            "  curl -s -X PUT \(simulatorAdmin)/faults/bonheiden -d '{\"mode\":\"hang\"}'",
            "  curl -s -H 'Authorization: Bearer \(token)' \(twoOCMW)/dossier",
            "  curl -s -X DELETE \(simulatorAdmin)/faults/bonheiden",
            "  curl -s \(proxy)/health",
            "  # operators (admin API on its own port): tenants with breaker/bulkhead state, reload, metrics",
            "  curl -s -H 'Authorization: Bearer \(adminToken)' \(proxyAdmin)/admin/tenants",
            "  curl -s -H 'Authorization: Bearer \(adminToken)' -X POST \(proxyAdmin)/admin/tenants/reload",
            "  curl -s -H 'Authorization: Bearer \(adminToken)' \(proxyAdmin)/metrics",
            "Pages in a browser:",
            "  status page: \(proxyAdmin)/admin — sign in with the admin token \(adminToken)",
            "    (also in \(dataDirectory)/dev-admin-token; scripts get a one-time link from POST /admin/login-links)",
            "  citizen page (wireframe citizen, August 2023): \(proxy)/demo/citizens/\(DemoCitizens.wireframeINSZ)?from=2023-08&to=2023-08",
            "  citizen page (Gent and Bonheiden): \(proxy)/demo/citizens/\(DemoCitizens.twoOCMWINSZ)",
            "Stop with Ctrl-C.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}

/// Per-tenant backend API keys for the demo: the process environment's value when the variable
/// tenants.json names is set, a random key otherwise.
struct DemoKeys: Sendable {
    private let byVariable: [String: String]
    private let byTenant: [TenantID: String]

    init(registry: TenantRegistry) {
        var byVariable: [String: String] = [:]
        var byTenant: [TenantID: String] = [:]
        for tenant in registry.tenants {
            guard case .environment(let name) = tenant.backend.credentials else { continue }
            let key =
                ProcessInfo.processInfo.environment[name]
                ?? (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            byVariable[name] = key
            byTenant[tenant.id] = key
        }
        self.byVariable = byVariable
        self.byTenant = byTenant
    }

    func key(for tenant: TenantID) -> String? { byTenant[tenant] }

    /// Writes the keys as `export VARIABLE=key` lines to `DIRECTORY/demo-keys.env` (mode 0600),
    /// so `tenants check` run in a shell that sourced it calls each simulated OCMW as the demo's
    /// proxy does. Rewritten at every start: the random keys are new each time.
    /// - Returns: The file's path.
    func write(toDirectory directory: String) throws -> String {
        try PrivateDirectory.prepare(atPath: directory)
        let path = URL(fileURLWithPath: directory).appendingPathComponent("demo-keys.env").path
        let lines = byVariable.keys.sorted().map { "export \($0)=\(byVariable[$0] ?? "")" }
        let handle = try PrivateFile.create(atPath: path, exclusive: false)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }

    var environment: @Sendable (String) -> String? {
        let keys = byVariable
        return { keys[$0] ?? ProcessInfo.processInfo.environment[$0] }
    }
}
