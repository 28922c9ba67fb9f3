import Logging
import ServiceLifecycle

/// The first step of a graceful stop (SIGTERM): readiness turns to 503 `draining` while the
/// listener keeps serving for `delay`, long enough for a load balancer's health checks to see it
/// and send new requests elsewhere; only then do the other services stop (the HTTP server
/// finishing the requests in flight, the delivery loop its deliveries).
///
/// Must be the last service of its group: a `ServiceGroup` shuts its services down in reverse
/// order, one after the other, so this one's wait comes before the listener closes.
public struct DrainService: Service {
    private let condition: InstanceCondition
    private let delay: Duration
    private let logger: Logger

    /// - Parameters:
    ///   - condition: Told to drain when the stop begins.
    ///   - delay: How long to keep serving while readiness says `draining`: at least the
    ///     balancer's health-check interval times the failures it needs (zero: stop at once).
    public init(condition: InstanceCondition, delay: Duration, logger: Logger) {
        self.condition = condition
        self.delay = delay
        self.logger = logger
    }

    public func run() async throws {
        // Returns when the graceful stop begins; throws when the group is cancelled instead.
        do { try await gracefulShutdown() } catch { return }
        condition.startDraining()
        logger.notice("draining: readiness answers 503 before the listener closes", metadata: ["delaySeconds": "\(delay)"])
        try? await Task.sleep(for: delay)
    }
}
