import OCMWCore
import Synchronization

/// The live resilience state of every tenant, kept across reloads: a tenant whose limits did not
/// change keeps its breaker, bulkhead and counters; one whose limits changed starts fresh; calls
/// already running keep the instance they started with and drain on it.
///
/// Which limits are current is decided by the registry in force, not by the snapshot a request
/// happens to hold: a request that started before a reload and one that started after would
/// otherwise ask with different limits in turn, each making a fresh breaker and bulkhead — an
/// open breaker closing, the in-flight cap multiplying — exactly when an operator tightens a
/// sick OCMW's limits. Tenants no longer in the registry are forgotten whenever a runtime is
/// (re)made.
package final class TenantRuntimeRegistry: Sendable {
    private let runtimes = Mutex<[TenantID: TenantResilience]>([:])
    private let current: @Sendable () -> TenantRegistry?

    /// - Parameter current: The registry in force (a request's tenant may come from an older one).
    package init(current: @escaping @Sendable () -> TenantRegistry? = { nil }) {
        self.current = current
    }

    /// The state for `tenant`, made (or remade) to match the limits in force for it.
    package func resilience(for tenant: Tenant) -> TenantResilience {
        let registry = current()
        let limits = registry?.tenant(tenant.id)?.limits ?? tenant.limits
        return runtimes.withLock { runtimes in
            if let existing = runtimes[tenant.id], existing.limits == limits { return existing }
            let made = TenantResilience(limits: limits)
            runtimes[tenant.id] = made
            if let registry { runtimes = runtimes.filter { registry.tenant($0.key) != nil || $0.key == tenant.id } }
            return made
        }
    }

    /// The state of a tenant if it has handled any call since its limits last changed.
    package func existing(_ id: TenantID) -> TenantResilience? {
        runtimes.withLock { $0[id] }
    }

    /// How many tenants have a state.
    package var count: Int { runtimes.withLock { $0.count } }
}
