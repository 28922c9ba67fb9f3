import Synchronization

/// The cap on requests in flight: `acquire()` waits (in order) while all slots are taken.
///
/// The wait happens before the send and after the intended time, so it counts in the latency.
public final class SendSlots: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state: Mutex<State>

    /// `limit` slots, all free.
    public init(limit: Int) { state = Mutex(State(free: max(1, limit))) }

    /// Takes a slot, waiting for one if none is free.
    public func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if state.free > 0 {
                    state.free -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Gives a slot back, to the longest waiter if there is one.
    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiters.count else {
                state.free += 1
                return nil
            }
            let waiter = state.waiters[state.head]
            state.head += 1
            if state.head == state.waiters.count {
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return waiter
        }
        // Resumed outside the lock: the waiter may run at once on this thread.
        next?.resume()
    }

    /// Slots in use or waited for, for the progress line.
    public var inUse: (free: Int, waiting: Int) {
        state.withLock { ($0.free, $0.waiters.count - $0.head) }
    }
}
