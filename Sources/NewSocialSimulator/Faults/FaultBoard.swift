import OCMWCore
import Synchronization

/// The faults in force, per tenant, readable from any event loop and settable from anywhere.
final class FaultBoard: Sendable {
    private struct State {
        var faults: [TenantID: Fault]
        var rng: SplitMix64
    }

    private let state: Mutex<State>

    init(seed: UInt64 = 0x5EED) { state = Mutex(State(faults: [:], rng: SplitMix64(seed: seed))) }

    func set(_ fault: Fault, for tenant: TenantID) {
        state.withLock { $0.faults[tenant] = fault == .none ? nil : fault }
    }

    func fault(for tenant: TenantID) -> Fault { state.withLock { $0.faults[tenant] ?? .none } }

    /// The fault for one request, and whether this request is one of the `errorRate` failures.
    func decide(for tenant: TenantID) -> (fault: Fault, fail: Bool) {
        state.withLock { state in
            let fault = state.faults[tenant] ?? .none
            guard fault.errorRate > 0 else { return (fault, false) }
            return (fault, fault.errorRate >= 1 || state.rng.unit() < fault.errorRate)
        }
    }
}
