import OCMWCore
import Synchronization

/// Which of a tenant's two circuit breakers a call answers to: citizen reads (and probes and
/// documents) share one; deliveries of submissions have their own, so that long uploads and a
/// backend refusing them never open the circuit that guards the citizens' reads.
package enum Circuit: Sendable {
    case reads
    case deliveries
}

/// One tenant's live resilience state: bulkhead, circuit breaker, retry budget and rate limit,
/// driven by the pure state machines of OCMWCore under one lock. The lock is never held across an
/// `await`: waiting for a bulkhead slot parks a continuation that `release` resumes.
package final class TenantResilience: Sendable {
    package typealias Instant = ContinuousClock.Instant

    /// The limits this state was built for; a reload with other limits gets a fresh instance.
    package let limits: TenantLimits

    private struct State {
        var bulkhead: Bulkhead<Instant, UInt64>
        var breaker: CircuitBreaker<Instant>
        /// Deliveries' own breaker: a slow or failing upload never opens the reads' circuit.
        var deliveryBreaker: CircuitBreaker<Instant>
        var retries: RetryBudget
        var rateLimit: TokenBucket<Instant>?
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        /// Results decided before the waiter's continuation was stored (admitted, expired or
        /// cancelled in the gap between `acquire` and parking).
        var earlyResults: [UInt64: Bool] = [:]
        var nextWaiterID: UInt64 = 0
        var rateLimited = 0
        var retriesSpent = 0
    }

    private let state: Mutex<State>

    package init(limits: TenantLimits) {
        self.limits = limits
        state = Mutex(
            State(
                bulkhead: Bulkhead(configuration: limits.bulkhead),
                breaker: CircuitBreaker(configuration: limits.circuitBreaker),
                deliveryBreaker: CircuitBreaker(configuration: limits.deliveryCircuitBreaker),
                retries: RetryBudget(configuration: limits.retryBudget),
                rateLimit: limits.rateLimit.map { TokenBucket(configuration: $0) }))
    }

    // MARK: Circuit breaker and rate limit

    /// Asks `circuit`'s breaker whether a call may go out.
    package func permit(_ circuit: Circuit = .reads) -> CircuitBreaker<Instant>.Permit {
        state.withLock { state in
            switch circuit {
            case .reads: state.breaker.permit(now: .now)
            case .deliveries: state.deliveryBreaker.permit(now: .now)
            }
        }
    }

    /// Records a call's outcome in `circuit`'s breaker; returns its state change, if any.
    package func record(
        _ outcome: CallOutcome, duration: Duration, ticket: CircuitTicket, circuit: Circuit = .reads
    ) -> CircuitBreaker<Instant>.Transition? {
        state.withLock { state in
            switch circuit {
            case .reads: state.breaker.record(outcome: outcome, duration: duration, now: .now, ticket: ticket)
            case .deliveries: state.deliveryBreaker.record(outcome: outcome, duration: duration, now: .now, ticket: ticket)
            }
        }
    }

    /// Takes a token toward the backend; false when the tenant's rate limit is exhausted.
    package func takeRateToken() -> Bool {
        state.withLock { state in
            guard state.rateLimit != nil else { return true }
            if state.rateLimit?.tryTake(now: .now) == true { return true }
            state.rateLimited += 1
            return false
        }
    }

    // MARK: Bulkhead

    /// Waits for a slot: at once when one is free, up to the queue timeout when the queue has
    /// room, not at all when it is full. Cancellation gives the place in the queue up.
    /// - Returns: whether a slot is held (then `leave()` must follow).
    package func enter() async -> Bool {
        let (id, action) = state.withLock { state -> (UInt64, Bulkhead<Instant, UInt64>.AcquireAction) in
            state.nextWaiterID += 1
            return (state.nextWaiterID, state.bulkhead.acquire(id: state.nextWaiterID, now: .now))
        }
        switch action {
        case .enter: return true
        case .reject: return false
        case .enqueue(let deadline):
            let timer = Task { [weak self] in
                try? await Task.sleep(until: deadline, tolerance: .milliseconds(1), clock: .continuous)
                self?.expireWaiters()
            }
            defer { timer.cancel() }
            return await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let early = state.withLock { state -> Bool? in
                        if let result = state.earlyResults.removeValue(forKey: id) { return result }
                        state.waiters[id] = continuation
                        return nil
                    }
                    if let early { continuation.resume(returning: early) }
                }
            } onCancel: {
                resolve([id], admitted: false, onlyIfQueued: true)
            }
        }
    }

    /// Frees a slot and hands it to the next waiter.
    package func leave() {
        let action = state.withLock { $0.bulkhead.release(now: .now) }
        resolve(action.admit, admitted: true)
        resolve(action.expired, admitted: false)
    }

    private func expireWaiters() {
        resolve(state.withLock { $0.bulkhead.expire(now: .now) }, admitted: false)
    }

    /// Resumes each waiter exactly once, or leaves its result for it when it has not parked yet.
    /// - Parameter onlyIfQueued: for cancellation: act only if the waiter was still queued (if it
    ///   was already admitted it owns a slot and will be resumed by `leave`).
    private func resolve(_ ids: [UInt64], admitted: Bool, onlyIfQueued: Bool = false) {
        let continuations = state.withLock { state in
            ids.compactMap { id -> CheckedContinuation<Bool, Never>? in
                if onlyIfQueued, !state.bulkhead.cancel(id: id) { return nil }
                if let continuation = state.waiters.removeValue(forKey: id) { return continuation }
                state.earlyResults[id] = admitted
                return nil
            }
        }
        for continuation in continuations { continuation.resume(returning: admitted) }
    }

    // MARK: Retry budget

    package func requestStarted() { state.withLock { $0.retries.requestStarted() } }
    package func requestFinished() { state.withLock { $0.retries.requestFinished() } }

    /// Whether a failed read may be retried now; if so the retry is counted as started.
    package func startRetry(attemptsMade: Int, retryable: Bool) -> Bool {
        state.withLock { state in
            guard state.retries.retryAllowed(attemptsMade: attemptsMade, idempotent: true, retryable: retryable) else {
                return false
            }
            state.retries.retryStarted()
            state.retriesSpent += 1
            return true
        }
    }

    package func finishRetry() { state.withLock { $0.retries.retryFinished() } }

    package func backoff(attempt: Int) -> Duration {
        state.withLock { $0.retries.backoff(attempt: attempt, random: Double.random(in: 0..<1)) }
    }

    // MARK: Status

    /// What the admin endpoint shows for this tenant.
    package struct Status: Encodable, Sendable {
        package let breaker: String
        /// The deliveries' breaker (`closed`, `open`, `halfOpen`).
        package let deliveryBreaker: String
        package let breakerOpenedCount: Int
        package let breakerRejected: Int
        package let windowCalls: Int
        package let windowFailures: Int
        package let windowSlowCalls: Int
        package let inFlight: Int
        package let queued: Int
        package let bulkheadRejected: Int
        package let bulkheadExpired: Int
        package let rateLimited: Int
        package let retriesSpent: Int
    }

    package var status: Status {
        state.withLock { state in
            let breaker = state.breaker.snapshot(now: .now)
            return Status(
                breaker: breaker.state.rawValue,
                deliveryBreaker: state.deliveryBreaker.snapshot(now: .now).state.rawValue, breakerOpenedCount: breaker.openedCount,
                breakerRejected: breaker.rejectedCount, windowCalls: breaker.window.calls,
                windowFailures: breaker.window.failures, windowSlowCalls: breaker.window.slowCalls,
                inFlight: state.bulkhead.inFlight, queued: state.bulkhead.queued,
                bulkheadRejected: state.bulkhead.rejectedCount, bulkheadExpired: state.bulkhead.expiredCount,
                rateLimited: state.rateLimited, retriesSpent: state.retriesSpent)
        }
    }
}
