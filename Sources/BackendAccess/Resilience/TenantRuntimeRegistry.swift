import OCMWCore
import Synchronization

/// The live resilience state of every tenant, kept across reloads: a tenant whose limits did not
/// change keeps its breaker, bulkhead and counters; one whose limits changed starts fresh; calls
/// already running keep the instance they started with and drain on it.
package final class TenantRuntimeRegistry: Sendable {
    private let runtimes = Mutex<[TenantID: TenantResilience]>([:])

    package init() {}

    /// The state for `tenant`, made (or remade) to match its current limits.
    package func resilience(for tenant: Tenant) -> TenantResilience {
        runtimes.withLock { runtimes in
            if let existing = runtimes[tenant.id], existing.limits == tenant.limits { return existing }
            let made = TenantResilience(limits: tenant.limits)
            runtimes[tenant.id] = made
            return made
        }
    }

    /// The state of a tenant if it has handled any call since its limits last changed.
    package func existing(_ id: TenantID) -> TenantResilience? {
        runtimes.withLock { $0[id] }
    }
}
