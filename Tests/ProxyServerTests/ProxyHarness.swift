import Admission
import BackendAccess
import CitizenDispatch
import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import Observability
import Outbox
import ProxyServer
import ProxyTesting
import TenantReload
import Testing

/// The parts of a citizen answer the tests look at.
struct DebtsAnswer: Decodable {
    struct Entry: Decodable {
        struct OCMW: Decodable {
            let id: String
            let name: String
        }
        let ocmw: OCMW
        let status: String
        let reason: String?
        let debts: Debts?
    }
    struct Debts: Decodable {
        struct Item: Decodable {
            let description: String
            let originalCents: Int
            let outstandingCents: Int
        }
        struct Totals: Decodable {
            let originalCents: Int
            let outstandingCents: Int
        }
        let reference: String?
        let items: [Item]
        let totals: Totals
    }
    let complete: Bool
    let ocmws: [Entry]
}

/// The day the tests live on: today in Belgium, the day the simulator and the token checks see
/// too, so that nothing in a test turns false as the calendar moves. Dates a test needs are
/// derived from it (`testYesterday`, `testCurrentYear`), never written as literals.
let testToday = DayDate.inBelgium(at: testNow)
/// The day before `testToday`.
let testYesterday = DayDate.inBelgium(at: testNow.addingTimeInterval(-86_400))
/// The year INSZ check digits are read against, as the proxy reads them.
let testCurrentYear = testToday.year
private let testNow = Date()

/// The request deadline of test proxies: the machine's speed is not what these tests judge, and a
/// busy 2-core machine running the suite in parallel can hold a request for seconds. Tests that
/// want a timeout make a backend hang behind short tenant limits instead.
let testRequestDeadlineMs = 60_000

/// Limits for a tenant whose backend a test makes hang: its calls end after 400 ms whatever the
/// machine's speed (a hung backend never answers sooner).
let hangingTenantLimits = TenantsDocument.LimitsEntry(connectTimeoutMs: 400, totalTimeoutMs: 400)

/// Discovery with a deadline as patient as the request's.
let testDiscovery = DiscoveryConfiguration(deadlineMs: testRequestDeadlineMs)

/// The door of test proxies: open (no adaptive limit, no bulkhead reservation), budgets no test
/// reaches. A busy machine would make an adaptive limit shed, and these tests judge answers, not
/// the machine; `AdmissionEndToEndTests` turns the door on where shedding is the behaviour.
let testAdmission = AdmissionConfiguration(
    enabled: false, maxDiscoveries: 100_000, maxDiscoveriesPerClient: 100_000, maxUploadBytesInFlight: 1 << 40,
    uploadBodyTimeout: .seconds(600))

/// A test proxy's configuration: port 0, `testToday`, the patient request deadline and discovery,
/// the open door.
func testConfiguration(
    discovery: DiscoveryConfiguration = testDiscovery,
    requestDeadlineMs: Int = testRequestDeadlineMs,
    submissionRatePerClient: TokenBucketConfiguration = .init(ratePerSecond: 100, burst: 200),
    admission: AdmissionConfiguration = testAdmission
) -> ProxyConfiguration {
    ProxyConfiguration(
        port: 0, requestDeadlineMs: requestDeadlineMs, discovery: discovery, admission: admission,
        submissionRatePerClient: submissionRatePerClient, today: { testToday })
}

/// A live proxy (port 0) in front of simulated Gent and Bonheiden.
/// - Parameters:
///   - gentLimits, bonheidenLimits: Each tenant's limits; what they leave out is patient
///     (`TestTenants.patientLimits`).
///   - index: The routing index; empty by default, so citizens are found by discovery.
///   - requestDeadlineMs: The proxy's request deadline.
///   - curl: The proxy's curl client (not yet running), for a test that reads its statistics.
func withProxyAndSimulator(
    gent: Dialect = .v2, bonheiden: Dialect = .v1,
    gentLimits: TenantsDocument.LimitsEntry? = nil, bonheidenLimits: TenantsDocument.LimitsEntry? = nil,
    index: any RoutingIndexStore = InMemoryRoutingIndex(),
    discovery: DiscoveryConfiguration = testDiscovery,
    requestDeadlineMs: Int = testRequestDeadlineMs,
    admission: AdmissionConfiguration = testAdmission,
    logs: LogCapture = LogCapture(),
    security: TestSecurity? = nil,
    outbox: (any OutboxStore)? = nil,
    curl: CurlClient? = nil,
    submissionRatePerClient: TokenBucketConfiguration = .init(ratePerSecond: 100, burst: 200),
    _ body: @Sendable (AuthorizedClient, NewSocialSimulator) async throws -> Void
) async throws {
    let security = if let security { security } else { try await TestSecurity() }
    let token = try await security.token()
    try await withSimulator([("gent", gent), ("bonheiden", bonheiden)]) { simulator, ports in
        let registry = try TenantRegistry(
            validating: TenantsDocument(tenants: [
                TestTenants.entry(id: "gent", dialect: gent, port: ports[TenantID("gent")!] ?? 0, index: 0, limits: gentLimits),
                TestTenants.entry(
                    id: "bonheiden", dialect: bonheiden, port: ports[TenantID("bonheiden")!] ?? 0, index: 1,
                    limits: bonheidenLimits),
            ]))
        let logger = logs.logger(label: "proxy")
        let client = curl ?? CurlClient(logger: logger)
        let proxy = ProxyApplication(
            configuration: testConfiguration(
                discovery: discovery, requestDeadlineMs: requestDeadlineMs, submissionRatePerClient: submissionRatePerClient,
                admission: admission),
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
        configuration: testConfiguration(discovery: discovery),
        registry: store, client: client, routingIndex: index, metrics: metrics,
        reloader: reloader?(store, metrics), security: security.security, audit: security.audit,
        credentials: BackendCredentials(client: client, logger: logger, environment: TestTenants.environment),
        outbox: try TestSecurity.outbox(),
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
    func execute(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        authorization: String?? = .some(nil)
    ) async throws -> TestResponse {
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
