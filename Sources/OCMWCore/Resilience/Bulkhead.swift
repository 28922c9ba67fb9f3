/// How many calls one tenant may have in flight toward its backend, and how long others may wait.
public struct BulkheadConfiguration: Sendable, Equatable {
    /// Calls allowed in flight at once; at least 1.
    public var maxInFlight: Int
    /// Callers allowed to wait for a slot; 0 rejects at once when all slots are taken.
    public var queueSize: Int
    /// How long a caller may wait in the queue before it is told to give up.
    public var maxWait: Duration

    public init(maxInFlight: Int, queueSize: Int = 16, maxWait: Duration = .milliseconds(100)) {
        self.maxInFlight = maxInFlight
        self.queueSize = queueSize
        self.maxWait = maxWait
    }
}

/// Caps one tenant's concurrent backend calls, with a short bounded FIFO queue in front.
///
/// A pure state machine: every call takes `now`, nothing sleeps, nothing locks. The owner keeps it
/// behind a lock, and enforces it *before* a transfer enters the shared curl multi handle, so a
/// slow OCMW fills only its own slots and never the handles other tenants need.
///
/// Invariant: the queue is non-empty only while every slot is taken, so a newcomer never jumps it.
/// The queue is short (tens of entries), so plain arrays are cheaper than anything cleverer.
public struct Bulkhead<Instant: InstantProtocol, ID: Hashable & Sendable>: Sendable
where Instant.Duration == Duration {
    /// The answer to `acquire`.
    public enum AcquireAction: Sendable, Equatable {
        /// Run the call now; call `release` when it ends.
        case enter
        /// Wait: `release` will admit the caller, or `expire` will give it up after `deadline`.
        case enqueue(deadline: Instant)
        /// Fail fast without touching the backend.
        case reject(RejectReason)
    }

    /// Why a caller was turned away.
    public enum RejectReason: String, Sendable, Equatable {
        /// Every slot is taken and the wait queue is full (or configured empty).
        case queueFull
        /// The id is already waiting; a caller must not queue twice.
        case alreadyQueued
    }

    /// What a finished call frees up.
    public struct ReleaseAction: Sendable, Equatable {
        /// Waiters to resume now, in queue order; each now holds a slot.
        public var admit: [ID]
        /// Waiters found past their deadline on the way, to be failed as timed out.
        public var expired: [ID]

        public init(admit: [ID] = [], expired: [ID] = []) {
            self.admit = admit
            self.expired = expired
        }
    }

    private struct Waiter {
        var id: ID
        var deadline: Instant
    }

    public let configuration: BulkheadConfiguration
    /// Calls holding a slot.
    public private(set) var inFlight = 0
    private var waiters: [Waiter] = []
    /// Callers turned away since creation (for the status page).
    public private(set) var rejectedCount = 0
    /// Waiters that gave up in the queue since creation (for the status page).
    public private(set) var expiredCount = 0

    public init(configuration: BulkheadConfiguration) {
        self.configuration = configuration
    }

    /// Callers waiting for a slot.
    public var queued: Int { waiters.count }

    /// The earliest queue deadline: when the owner's timer should call `expire`.
    public var nextDeadline: Instant? { waiters.map(\.deadline).min() }

    /// A caller wants to call the backend.
    public mutating func acquire(id: ID, now: Instant) -> AcquireAction {
        if waiters.isEmpty, inFlight < max(configuration.maxInFlight, 1) {
            inFlight += 1
            return .enter
        }
        if waiters.contains(where: { $0.id == id }) { return .reject(.alreadyQueued) }
        guard configuration.maxWait > .zero, waiters.count < configuration.queueSize else {
            rejectedCount += 1
            return .reject(.queueFull)
        }
        let deadline = now.advanced(by: configuration.maxWait)
        waiters.append(Waiter(id: id, deadline: deadline))
        return .enqueue(deadline: deadline)
    }

    /// A call that held a slot has ended (in any way). Hands the slot to the oldest live waiter.
    public mutating func release(now: Instant) -> ReleaseAction {
        // A release without a slot is an owner bug; clamping keeps the count from going negative.
        inFlight = max(inFlight - 1, 0)
        var action = ReleaseAction()
        // Waiters past their deadline are not admitted: their caller is about to be failed anyway.
        action.expired = expire(now: now)
        while !waiters.isEmpty, inFlight < max(configuration.maxInFlight, 1) {
            action.admit.append(waiters.removeFirst().id)
            inFlight += 1
        }
        return action
    }

    /// Removes and returns, in queue order, the waiters whose deadline has come.
    public mutating func expire(now: Instant) -> [ID] {
        var expired: [ID] = []
        waiters.removeAll { waiter in
            guard waiter.deadline <= now else { return false }
            expired.append(waiter.id)
            return true
        }
        expiredCount += expired.count
        return expired
    }

    /// A waiting caller went away (task cancelled). `false` when it was not waiting: if it was
    /// admitted already, it holds a slot and must `release` it.
    public mutating func cancel(id: ID) -> Bool {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return false }
        waiters.remove(at: index)
        return true
    }
}
