import BackendAccess
import CurlClient
import Foundation
import OCMWCore
import ProxyServer

/// Probes one tenant's New Social installation before it goes live and returns what it found.
///
/// The checks run in order: configuration, credentials, one probe call (reachable, TLS, dialect),
/// every part for a test citizen, and a latency sample. A check that cannot mean anything after an
/// earlier failure is reported skipped rather than failed twice. Nothing here prints; the command
/// renders the report. No INSZ and no secret ever enters the report.
struct TenantCheck: Sendable {
    /// The tenant to probe, in any state.
    let tenant: Tenant
    /// A running client (see `TenantCheckCommand`).
    let client: CurlClient
    /// A test citizen the OCMW keeps for this purpose; `nil` skips the parts check.
    let testCitizen: INSZ?
    /// Sequential probe calls for the latency sample (at least 1).
    let samples: Int
    /// Today in Belgium: the payments window is the three months before this one.
    let today: DayDate
    /// The headers that authenticate to the backend, obtained as the proxy obtains them (API
    /// key from env or file, or an OAuth2 token), or why there are none.
    let authentication: Result<[HTTPHeader], CredentialError>

    /// A valid INSZ that belongs to no one who can have a dossier: born on 1 January 1900, serial
    /// 997 (its check digits only match the 19xx reading). The "unknown citizen" probe asks for it.
    static let probeCitizenDigits = "00010199747"

    /// Runs every check.
    func run() async -> TenantCheckReport {
        var checks = [configurationCheck(), credentialsCheck()]
        let probe = await probeCall()
        checks += [reachableCheck(probe), tlsCheck(probe), dialectCheck(probe)]
        let answered = if case .answered = probe { true } else { false }
        if answered {
            checks += await partChecks()
            checks.append(await latencyCheck())
        } else {
            checks.append(.init(name: "parts", outcome: .skipped, summary: "not checked: the backend did not answer"))
            checks.append(.init(name: "latency", outcome: .skipped, summary: "not measured: the backend did not answer"))
        }
        return TenantCheckReport(
            tenant: tenant.id.rawValue, name: tenant.name, state: tenant.state.rawValue,
            checks: checks)
    }

    // MARK: Configuration

    /// The entry validated when the file loaded; shows what the proxy will use.
    func configurationCheck() -> TenantCheckReport.Check {
        let limits = tenant.limits
        var details = [
            "limits: connect \(limits.connectTimeoutMs) ms, total \(limits.totalTimeoutMs) ms, "
                + "delivery \(limits.deliveryTimeoutMs) ms, "
                + "maxInFlight \(limits.maxInFlight) (queue \(limits.queueSize), \(limits.queueTimeoutMs) ms), "
                + "maxConnections \(limits.maxConnections), maxResponseBytes \(limits.maxResponseBytes)",
            "breaker: opens at \(Self.percent(limits.breakerFailureRate)) failures or "
                + "\(Self.percent(limits.breakerSlowCallRate)) calls over \(limits.breakerSlowCallMs) ms "
                + "(min \(limits.breakerMinimumCalls) calls in \(limits.breakerWindowMs) ms), open \(limits.breakerOpenMs) ms; "
                + "retries: \(limits.retryMaxAttempts) attempts, budget \(Self.number(limits.retryBudgetPercent))%",
        ]
        if let rate = limits.rateLimitPerSecond {
            details.append("rate limit: \(Self.number(rate))/s, burst \(limits.rateLimitBurst ?? 1)")
        }
        if !tenant.receivesTraffic {
            details.append("state \(tenant.state.rawValue): receives no citizen traffic until it is set to active")
        }
        return .init(
            name: "configuration", outcome: .passed,
            summary: "valid: dialect \(tenant.backend.dialect.rawValue), base URL \(tenant.backend.baseURL), "
                + "state \(tenant.state.rawValue)",
            details: details)
    }

    // MARK: Credentials

    /// Whether the proxy could authenticate to this backend: the secret `backend.credentials`
    /// names is there and, for OAuth2, a token was granted. Never shows a secret.
    func credentialsCheck() -> TenantCheckReport.Check {
        let source =
            switch tenant.backend.credentials {
            case .environment(let name): "env \(name)"
            case .file(let path): "file \(path)"
            }
        switch authentication {
        case .success:
            let summary =
                switch tenant.backend.auth {
                case .apiKey: "API key from \(source)"
                case .oauth2: "OAuth2 token granted (client credentials from \(source))"
                }
            return .init(name: "credentials", outcome: .passed, summary: summary)
        case .failure(let error):
            return .init(
                name: "credentials", outcome: .failed, summary: error.description,
                details: [
                    "the proxy never calls a backend without its credentials: the OCMW's parts would be unavailable",
                    "the calls below are made without them",
                ])
        }
    }

    // MARK: Calls

    /// A GET of `path` under the tenant's base URL, with the tenant's own timeouts and size cap.
    func request(_ path: String) -> HTTPRequest {
        HTTPRequest(
            url: tenant.backend.baseURL + path,
            headers: [
                HTTPHeader("Accept", "application/json"),
                HTTPHeader("X-Request-Id", "tenants-check-\(UUID().uuidString.lowercased())"),
            ]
                + ((try? authentication.get()) ?? []),
            connectTimeoutMs: tenant.limits.connectTimeoutMs, totalTimeoutMs: tenant.limits.totalTimeoutMs,
            maxResponseBytes: tenant.limits.maxResponseBytes, tls: TLSOptions(backend: tenant.backend))
    }

    /// What one call produced, timed by the caller's clock.
    enum CallResult: Sendable {
        case answered(HTTPResponse, milliseconds: Double)
        case failed(CurlClientError)
    }

    /// Performs one call; never throws.
    func call(_ path: String) async -> CallResult {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await client.execute(request(path))
            return .answered(response, milliseconds: Self.milliseconds(started.duration(to: clock.now)))
        } catch {
            return .failed(error)
        }
    }

    /// Milliseconds rounded to a tenth: a local backend answers well within one.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let tenths = Double(seconds) * 10_000 + Double(attoseconds) / 100_000_000_000_000
        return tenths.rounded() / 10
    }

    /// `1.8 ms`.
    static func shown(_ milliseconds: Double) -> String {
        String(format: "%.1f ms", milliseconds)
    }

    private static func percent(_ rate: Double) -> String { "\(number(rate * 100))%" }

    /// `20` rather than `20.0`, `0.5` as is.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
