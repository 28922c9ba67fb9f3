import CoreMetrics
import OCMWCore
import Prometheus
import Synchronization

/// The proxy's metrics, through swift-metrics with an explicit factory (no global bootstrap, so
/// tests get their own registry). Labels are tenant ids, parts and outcome kinds only: never a
/// URL, an INSZ or a message.
public final class ProxyMetrics: Sendable {
    /// The Prometheus registry behind `/metrics`.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// The last few minutes of backend calls per tenant and part, for the status page.
    public let recentCalls: RecentCalls
    /// Metric handles by name and labels, made once: creating one per call would be slow.
    private let handles = Mutex<[String: any Sendable]>([:])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                recentCalls: RecentCalls = RecentCalls()) {
        self.registry = registry
        self.recentCalls = recentCalls
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2_500), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// One backend call finished: counted by tenant, part and outcome, timed by tenant and part.
    func backendCall(tenant: TenantID, part: String, outcome: String, duration: Duration) {
        counter("ocmw_backend_calls_total", ["tenant": tenant.rawValue, "part": part, "outcome": outcome]).increment()
        timer("ocmw_backend_call_duration_seconds", ["tenant": tenant.rawValue, "part": part]).record(duration: duration)
        recentCalls.record(tenant: tenant, part: part, outcome: outcome, duration: duration)
    }

    /// Calls refused before reaching the backend: bulkhead full, rate limited, breaker open.
    func rejected(tenant: TenantID, reason: String) {
        counter("ocmw_backend_rejections_total", ["tenant": tenant.rawValue, "reason": reason]).increment()
    }

    /// A retry was spent on a tenant.
    func retried(tenant: TenantID) {
        counter("ocmw_backend_retries_total", ["tenant": tenant.rawValue]).increment()
    }

    /// A breaker changed state.
    func breakerTransition(tenant: TenantID, to state: String) {
        counter("ocmw_breaker_transitions_total", ["tenant": tenant.rawValue, "to": state]).increment()
    }

    /// Calls in flight toward a tenant, as a gauge.
    func inFlight(tenant: TenantID) -> CoreMetrics.Meter {
        meter("ocmw_backend_in_flight", ["tenant": tenant.rawValue])
    }

    /// A reload of tenants.json was attempted.
    func reload(succeeded: Bool) {
        counter("ocmw_tenant_reloads_total", ["result": succeeded ? "ok" : "rejected"]).increment()
    }

    /// A backend answer was refused for naming another citizen, or other invalid content.
    func answerRejected(tenant: TenantID, reason: String) {
        counter("ocmw_backend_answers_rejected_total", ["tenant": tenant.rawValue, "reason": reason]).increment()
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private func handle<Handle: Sendable>(
        _ name: String, _ labels: [String: String], make: (String, [(String, String)]) -> Handle
    ) -> Handle {
        let sorted = labels.sorted { $0.key < $1.key }
        let key = name + sorted.map { "|\($0.key)=\($0.value)" }.joined()
        return handles.withLock { cache in
            if let existing = cache[key] as? Handle { return existing }
            let made = make(name, sorted.map { ($0.key, $0.value) })
            cache[key] = made
            return made
        }
    }

    private func counter(_ name: String, _ labels: [String: String]) -> CoreMetrics.Counter {
        handle(name, labels) { CoreMetrics.Counter(label: $0, dimensions: $1, factory: factory) }
    }

    private func timer(_ name: String, _ labels: [String: String]) -> CoreMetrics.Timer {
        handle(name, labels) { CoreMetrics.Timer(label: $0, dimensions: $1, factory: factory) }
    }

    private func meter(_ name: String, _ labels: [String: String]) -> CoreMetrics.Meter {
        handle(name, labels) { CoreMetrics.Meter(label: $0, dimensions: $1, factory: factory) }
    }
}
