import OCMWCore
import Synchronization

/// Counts backend calls in flight per tenant and refuses one that would pass the tenant's
/// `maxInFlight`, before it reaches the curl multi handle: a hung OCMW can hold at most its own
/// slots, never the connections or slots other OCMWs need.
final class InFlightGate: Sendable {
    private let counts = Mutex<[TenantID: Int]>([:])

    /// Takes a slot if one is free.
    func tryEnter(_ tenant: TenantID, limit: Int) -> Bool {
        counts.withLock { counts in
            let current = counts[tenant, default: 0]
            guard current < limit else { return false }
            counts[tenant] = current + 1
            return true
        }
    }

    func leave(_ tenant: TenantID) {
        counts.withLock { counts in
            let remaining = counts[tenant, default: 1] - 1
            counts[tenant] = remaining > 0 ? remaining : nil
        }
    }

    /// Calls in flight for a tenant now.
    func inFlight(_ tenant: TenantID) -> Int {
        counts.withLock { $0[tenant, default: 0] }
    }
}
