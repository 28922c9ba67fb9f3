import CoreMetrics
import Metrics
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
    /// Metric handles, made once per name and labels, one table per kind. The key is a small
    /// struct of the label values and the tables are typed: no string is built and no dynamic
    /// cast is made per call (every backend call records three metrics).
    private let counters = Mutex<[HandleKey: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[HandleKey: CoreMetrics.Timer]>([:])
    private let meters = Mutex<[HandleKey: CoreMetrics.Meter]>([:])
    private let auditPendingGauge: Prometheus.Gauge

    /// A metric's name and label values; the label names are fixed per metric name.
    private struct HandleKey: Hashable, Sendable {
        let name: StaticName
        let first: String
        var second: String = ""
        var third: String = ""
    }

    /// The metrics, so that a key holds an enum case instead of a string.
    private enum StaticName: Hashable, Sendable {
        case backendCalls, backendCallDuration, rejections, retries, breakerTransitions, inFlight, reloads
        case reloadDuration, answersRejected, auditRefused, deliveryEvents, admissionShed, admissionGauge
    }

    public init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        recentCalls: RecentCalls = RecentCalls()
    ) {
        self.registry = registry
        self.recentCalls = recentCalls
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2_500), .seconds(5), .seconds(10),
        ]
        self.factory = factory
        auditPendingGauge = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "ocmw", subsystem: "audit", metricName: "pending", unitName: "records",
                helpText: "Audit records buffered and not yet written to the audit store."))
    }

    /// One backend call finished: counted by tenant, part and outcome, timed by tenant and part.
    package func backendCall(tenant: TenantID, purpose: BackendCallPurpose, outcome: String, duration: Duration) {
        let part = purpose.label
        let calls = HandleKey(name: .backendCalls, first: tenant.rawValue, second: part, third: outcome)
        counter(calls, "ocmw_backend_calls_total") { [("outcome", outcome), ("part", part), ("tenant", tenant.rawValue)] }.increment()
        let timing = HandleKey(name: .backendCallDuration, first: tenant.rawValue, second: part)
        timer(timing, "ocmw_backend_call_duration_seconds") { [("part", part), ("tenant", tenant.rawValue)] }.record(duration: duration)
        recentCalls.record(tenant: tenant, part: part, outcome: outcome, duration: duration)
    }

    /// Calls refused before reaching the backend: bulkhead full, rate limited, breaker open.
    package func rejected(tenant: TenantID, reason: String) {
        counter(HandleKey(name: .rejections, first: tenant.rawValue, second: reason), "ocmw_backend_rejections_total") {
            [("reason", reason), ("tenant", tenant.rawValue)]
        }.increment()
    }

    /// A retry was spent on a tenant.
    package func retried(tenant: TenantID) {
        counter(HandleKey(name: .retries, first: tenant.rawValue), "ocmw_backend_retries_total") {
            [("tenant", tenant.rawValue)]
        }.increment()
    }

    /// A breaker changed state.
    package func breakerTransition(tenant: TenantID, to state: String) {
        counter(HandleKey(name: .breakerTransitions, first: tenant.rawValue, second: state), "ocmw_breaker_transitions_total") {
            [("tenant", tenant.rawValue), ("to", state)]
        }.increment()
    }

    /// Calls in flight toward a tenant, as a gauge.
    package func inFlight(tenant: TenantID) -> CoreMetrics.Meter {
        handle(HandleKey(name: .inFlight, first: tenant.rawValue), in: meters) {
            CoreMetrics.Meter(label: "ocmw_backend_in_flight", dimensions: [("tenant", tenant.rawValue)], factory: factory)
        }
    }

    /// A reload of tenants.json was attempted.
    package func reload(succeeded: Bool) {
        let result = succeeded ? "ok" : "rejected"
        counter(HandleKey(name: .reloads, first: result), "ocmw_tenant_reloads_total") { [("result", result)] }.increment()
    }

    /// How long a reload of tenants.json took (read, decode, validate, swap).
    package func reloadDuration(_ duration: Duration) {
        handle(HandleKey(name: .reloadDuration, first: ""), in: timers) {
            CoreMetrics.Timer(label: "ocmw_tenant_reload_duration_seconds", dimensions: [], factory: factory)
        }.record(duration: duration)
    }

    /// A backend answer was refused for naming another citizen, or other invalid content.
    package func answerRejected(tenant: TenantID, reason: String) {
        counter(
            HandleKey(name: .answersRejected, first: tenant.rawValue, second: reason),
            "ocmw_backend_answers_rejected_total"
        ) { [("reason", reason), ("tenant", tenant.rawValue)] }.increment()
    }

    /// A request was not admitted at the door (or refused for its deadline, discovery or upload
    /// budget), counted per reason and per OCMW it needed (`none` when it named none).
    package func admissionShed(reason: String, tenants: [String]) {
        for tenant in tenants.isEmpty ? ["none"] : tenants {
            counter(HandleKey(name: .admissionShed, first: reason, second: tenant), "ocmw_admission_shed_total") {
                [("reason", reason), ("tenant", tenant)]
            }.increment()
        }
    }

    /// The door's state, as gauges: `ocmw_admission_limit`, `ocmw_admission_in_flight`,
    /// `ocmw_admission_queued`, `ocmw_admission_shedding` (1 while shedding).
    package func admissionState(limit: Int, inFlight: Int, queued: Int, shedding: Bool) {
        for (name, value) in [
            ("ocmw_admission_limit", limit), ("ocmw_admission_in_flight", inFlight), ("ocmw_admission_queued", queued),
            ("ocmw_admission_shedding", shedding ? 1 : 0),
        ] {
            handle(HandleKey(name: .admissionGauge, first: name), in: meters) {
                CoreMetrics.Meter(label: name, dimensions: [], factory: factory)
            }.set(value)
        }
    }

    /// A request about citizen data was refused because the audit trail could not record it.
    package func auditRefused() {
        counter(HandleKey(name: .auditRefused, first: ""), "ocmw_audit_refused_total") { [] }.increment()
    }

    /// A delivery event operators watch: `leaseLost`, `outboxUnavailable`.
    package func deliveryEvent(_ event: String) {
        counter(HandleKey(name: .deliveryEvents, first: event), "ocmw_delivery_events_total") { [("event", event)] }.increment()
    }

    /// Audit records buffered and not yet written (set when the metrics are read).
    package func auditPending(_ count: Int) {
        auditPendingGauge.set(Double(count))
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private func handle<Handle: Sendable>(
        _ key: HandleKey, in table: borrowing Mutex<[HandleKey: Handle]>,
        make: () -> Handle
    ) -> Handle {
        table.withLock { cache in
            if let existing = cache[key] { return existing }
            let made = make()
            cache[key] = made
            return made
        }
    }

    /// - Parameter labels: The labels sorted by name; only called the first time.
    private func counter(_ key: HandleKey, _ name: String, _ labels: () -> [(String, String)]) -> CoreMetrics.Counter {
        handle(key, in: counters) { CoreMetrics.Counter(label: name, dimensions: labels(), factory: factory) }
    }

    private func timer(_ key: HandleKey, _ name: String, _ labels: () -> [(String, String)]) -> CoreMetrics.Timer {
        handle(key, in: timers) { CoreMetrics.Timer(label: name, dimensions: labels(), factory: factory) }
    }
}
