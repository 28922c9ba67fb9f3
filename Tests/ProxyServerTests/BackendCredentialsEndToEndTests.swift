import BackendAccess
import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// The proxy authenticates to each New Social with that tenant's own secret, and never calls a
/// backend without it.
@Suite struct BackendCredentialsEndToEndTests {
    static let logger = Logger(label: "credentials", factory: { _ in SwiftLogNoOpLogHandler() })

    func run(
        environment: @escaping @Sendable (String) -> String?, logs: LogCapture? = nil,
        _ body: @Sendable (AuthorizedClient, NewSocialSimulator) async throws -> Void
    ) async throws {
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { simulator, ports in
            let security = try await TestSecurity()
            let token = try await security.token()
            let registry = try TestTenants.registry([("gent", .v2, ports[TenantID("gent")!] ?? 0)])
            let client = CurlClient(logger: Self.logger)
            let proxy = ProxyApplication(
                configuration: testConfiguration(), registry: TenantRegistryStore(registry),
                client: client, routingIndex: InMemoryRoutingIndex(), security: security.security, audit: security.audit,
                credentials: BackendCredentials(client: client, logger: Self.logger, environment: environment),
                outbox: try TestSecurity.outbox(),
                logger: logs?.logger(label: "proxy") ?? Self.logger)
            try await proxy.makeApplication().test(.live) { raw in
                try await body(AuthorizedClient(raw: raw, token: token), simulator)
            }
        }
    }

    @Test func backendThatRequiresAKeyIsAnsweredWithTheTenantsKey() async throws {
        try await run(environment: TestTenants.environment) { client, _ in
            let answer = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(answer.complete)
            #expect(answer.ocmws.map(\.status) == ["ok"])
        }
    }

    @Test func missingSecretMeansUnavailableAndNoCall() async throws {
        let logs = LogCapture()
        try await run(environment: { _ in nil }, logs: logs) { client, simulator in
            let answer = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(!answer.complete)
            #expect(answer.ocmws.first?.status == "unavailable")
            #expect(answer.ocmws.first?.reason?.hasSuffix("credentials not available") == true)
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 0)
        }
        // The log says what to fix: the variable, by name (never a secret).
        let line = logs.records.first { $0.message == "backend credentials not available" }?.line ?? ""
        #expect(line.contains("OCMW_GENT_API_KEY"), "\(line)")
    }

    @Test func wrongSecretIsRefusedByTheBackend() async throws {
        try await run(environment: { _ in "not-the-key" }) { client, _ in
            let answer = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(answer.ocmws.first?.status == "error")
            #expect(answer.ocmws.first?.reason?.hasSuffix("backend status 401") == true)
        }
    }
}
