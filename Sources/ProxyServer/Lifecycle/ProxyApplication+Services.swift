import Delivery
import ServiceLifecycle

extension ProxyApplication {
    /// Every service of a running proxy, in the order a `ServiceGroup` needs them to stop well.
    ///
    /// A group stops its services one by one, the last listed first. So the drain comes last (it
    /// must hear of a stop first), then the delivery loop, then the two listeners — the public one
    /// finishing its requests in flight — and only then what those requests still use: the audit
    /// writer (whose final flush must come after the last answer's record; before, the records of
    /// requests answered during a stop were lost), the database services, the reload triggers.
    /// - Parameters:
    ///   - infrastructure: What requests use (audit writer, key store and tenants reloaders,
    ///     database services, retention), stopped after the listeners.
    ///   - before: Stopped after everything else (the demo's simulated OCMWs).
    ///   - delivery: The outbox delivery loop.
    ///   - drain: The drain on SIGTERM, if any.
    ///   - application: The public listener, when it is made with an `onServerRunning` of its own.
    public func servicesInStopOrder(
        infrastructure: [any Service], before: [any Service] = [], delivery: DeliveryService, drain: DrainService? = nil,
        application: (any Service)? = nil
    ) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        let listeners: [any Service] = [application ?? makeApplication(), makeAdminApplication()]
        let last: [any Service] = [delivery as any Service] + (drain.map { [$0 as any Service] } ?? [])
        return (before + infrastructure + listeners + last).map { .init(service: $0) }
    }
}
