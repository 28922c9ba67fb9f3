import Admission
import CitizenDispatch
import Foundation
import OCMWCore

/// Settings of the proxy's HTTP server and dispatch path.
public struct ProxyConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Where the admin API (tenant status, reload, metrics) listens: loopback by default.
    public var adminHost: String
    public var adminPort: Int
    /// The longest a citizen request may take; each backend call gets
    /// min(tenant total timeout, what is left of this).
    public var requestDeadlineMs: Int
    /// Finding the OCMWs of a citizen the routing index does not know.
    public var discovery: DiscoveryConfiguration
    /// The door: adaptive concurrency limit, queue, fair share, discovery and upload budgets.
    public var admission: AdmissionConfiguration
    /// The in-memory cache of routing-index look-ups (per citizen and day, short TTL, bounded).
    public var routingCache: RoutingLookupCache<ContinuousClock.Instant>.Configuration
    /// Submissions each caller (client id) may make: a steady rate with room for a burst; past
    /// it, 429 `rate-limited` with `Retry-After`.
    public var submissionRatePerClient: TokenBucketConfiguration
    /// Today's Belgian calendar day: INSZ check digits, running dossiers, payment windows.
    /// Injectable for tests.
    public var today: @Sendable () -> DayDate

    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminHost: String = "127.0.0.1", adminPort: Int = 9090,
        requestDeadlineMs: Int = 5_000,
        discovery: DiscoveryConfiguration = .init(),
        admission: AdmissionConfiguration = .init(),
        routingCache: RoutingLookupCache<ContinuousClock.Instant>.Configuration = .init(),
        submissionRatePerClient: TokenBucketConfiguration = .init(ratePerSecond: 100, burst: 200),
        today: @escaping @Sendable () -> DayDate = { .inBelgium(at: Date()) }
    ) {
        self.host = host
        self.port = port
        self.adminHost = adminHost
        self.adminPort = adminPort
        self.requestDeadlineMs = requestDeadlineMs
        self.discovery = discovery
        self.admission = admission
        self.routingCache = routingCache
        self.submissionRatePerClient = submissionRatePerClient
        self.today = today
    }

    /// Parses an INSZ from a request (path or body) at the edge, reading check digits against
    /// today's year; a bad one becomes the documented 400 problem.
    func parseINSZ(_ text: String) throws(ProblemDetails) -> INSZ {
        do {
            return try INSZ(parsing: text, currentYear: today().year)
        } catch {
            throw ProblemDetails.invalidINSZ(error.description)
        }
    }
}
