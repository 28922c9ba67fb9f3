import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Outbox
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// The parts of a citizen answer the tests look at.
struct DebtsAnswer: Decodable {
    struct Entry: Decodable {
        struct OCMW: Decodable { let id: String; let name: String }
        let ocmw: OCMW
        let status: String
        let reason: String?
        let debts: Debts?
    }
    struct Debts: Decodable {
        struct Item: Decodable { let description: String; let originalCents: Int; let outstandingCents: Int }
        struct Totals: Decodable { let originalCents: Int; let outstandingCents: Int }
        let reference: String?
        let items: [Item]
        let totals: Totals
    }
    let complete: Bool
    let ocmws: [Entry]
}

/// The day the tests live on: after the demo citizens' data, before any future-year INSZ.
let testToday = DayDate(year: 2026, month: 11, day: 25)!

/// A live proxy (port 0) in front of simulated Gent and Bonheiden.
/// - Parameters:
///   - index: The routing index; empty by default, so citizens are found by discovery.
///   - curl: The proxy's curl client (not yet running), for a test that reads its statistics.
func withProxyAndSimulator(
    gent: Dialect = .v2, bonheiden: Dialect = .v1, totalTimeoutMs: Int = 2_000,
    index: any RoutingIndexStore = InMemoryRoutingIndex(),
    discovery: DiscoveryConfiguration = .init(),
    logs: LogCapture = LogCapture(),
    security: TestSecurity? = nil,
    outbox: (any OutboxStore)? = nil,
    curl: CurlClient? = nil,
    _ body: @Sendable (AuthorizedClient, NewSocialSimulator) async throws -> Void
) async throws {
    let security = if let security { security } else { try await TestSecurity() }
    let token = try await security.token()
    try await withSimulator([("gent", gent), ("bonheiden", bonheiden)]) { simulator, ports in
        let registry = try TestTenants.registry(
            [("gent", gent, ports[TenantID("gent")!] ?? 0), ("bonheiden", bonheiden, ports[TenantID("bonheiden")!] ?? 0)],
            limits: .init(connectTimeoutMs: min(500, totalTimeoutMs), totalTimeoutMs: totalTimeoutMs))
        let logger = logs.logger(label: "proxy")
        let client = curl ?? CurlClient(logger: logger)
        let proxy = ProxyApplication(
            configuration: .init(port: 0, requestDeadlineMs: 5_000, discovery: discovery, today: { testToday }),
            registry: TenantRegistryStore(registry),
            client: client,
            routingIndex: index,
            security: security.security, audit: security.audit, 
            credentials: BackendCredentials(client: client, logger: logger, environment: TestTenants.environment),
            outbox: try outbox ?? TestSecurity.outbox(),
            logger: logger)
        try await proxy.makeApplication().test(.live) { client in
            try await body(AuthorizedClient(raw: client, token: token), simulator)
        }
    }
}

/// A live proxy (port 0) for a given registry, with discovery off unless asked.
func withProxy(
    registry: TenantRegistry, index: any RoutingIndexStore = InMemoryRoutingIndex(),
    discovery: DiscoveryConfiguration = .init(enabled: false),
    reloader: ((TenantRegistryStore, ProxyMetrics) -> TenantReloader)? = nil,
    _ body: @Sendable (AuthorizedClient) async throws -> Void
) async throws {
    let security = try await TestSecurity()
    let token = try await security.token()
    let logger = Logger(label: "proxy", factory: { _ in SwiftLogNoOpLogHandler() })
    let store = TenantRegistryStore(registry)
    let metrics = ProxyMetrics()
    let client = CurlClient(logger: logger)
    let proxy = ProxyApplication(
        configuration: .init(port: 0, requestDeadlineMs: 5_000, discovery: discovery, today: { testToday }),
        registry: store, client: client, routingIndex: index, metrics: metrics,
        reloader: reloader?(store, metrics), security: security.security, audit: security.audit, 
        credentials: BackendCredentials(client: client, logger: logger, environment: TestTenants.environment), outbox: try TestSecurity.outbox(),
        logger: logger)
    try await proxy.makeApplication().test(.live) { client in
        try await body(AuthorizedClient(raw: client, token: token))
    }
}

/// The live test client with a caller's bearer token on every request (unless told otherwise).
struct AuthorizedClient: Sendable {
    let raw: any TestClientProtocol
    let token: String

    var port: Int? { raw.port }

    /// Sends a request as the authenticated caller; `authorization: nil` sends none.
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                 authorization: String?? = .some(nil)) async throws -> TestResponse {
        var headers = headers
        switch authorization {
        case .some(.some(let value)): headers[.authorization] = value
        case .some(.none): headers[.authorization] = "Bearer \(token)"
        case .none: break
        }
        return try await raw.execute(uri: uri, method: method, headers: headers, body: body)
    }

    func debts(_ insz: String, query: String = "") async throws -> DebtsAnswer {
        let response = try await execute(uri: "/v1/citizens/\(insz)/debts\(query)", method: .get)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        return try JSONDecoder().decode(DebtsAnswer.self, from: Data(buffer: response.body))
    }

    /// GETs `uri`, expects 200 JSON, returns the top-level object.
    func json(_ uri: String) async throws -> [String: Any] {
        let response = try await execute(uri: uri, method: .get)
        #expect(response.status == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
        return try #require(object as? [String: Any])
    }
}
