/// One tenant's circuit breaker: stops calling a backend that keeps failing or crawling, so its
/// callers fail fast and the backend gets room to recover.
///
/// A pure state machine: every event takes `now`, nothing sleeps, nothing locks; the owner keeps
/// it behind a lock. What counts as a failure is the caller's call (see `CallOutcome`).
///
/// - closed: outcomes feed a time-sliced rolling window (see `RollingWindow`). With at least
///   `minimumCalls` in it, a failure rate or slow-call rate at or above its threshold opens.
/// - open: `permit` rejects at once until `openDuration` has passed, then goes half-open.
/// - half-open: exactly `halfOpenTrialCalls` trials are let through; all succeeding closes (with an
///   empty window), any failing or slow one opens again.
///
/// Every transition starts a new generation; an outcome whose ticket is from an older generation
/// is ignored, so a call let through while closed that ends after the circuit opened cannot count
/// as a trial, and trials still running after one of them failed do not matter any more.
public struct CircuitBreaker<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// The answer to `permit`.
    public enum Permit: Sendable, Equatable {
        /// Make the call, then `record` its outcome with this ticket, whatever happens.
        case allow(CircuitTicket)
        /// The circuit is open (or its trial slots are taken): fail at once.
        case rejectOpen
    }

    /// A state change caused by `record`, for logs and metrics.
    public enum Transition: Sendable, Equatable {
        case opened(OpenReason)
        case closed
    }

    /// Why the circuit opened.
    public enum OpenReason: String, Sendable, Equatable {
        case failureRate, slowCallRate, trialFailed
    }

    private enum Phase: Sendable {
        case closed
        case open(until: Instant)
        case halfOpen(admitted: Int, succeeded: Int)
    }

    public let configuration: CircuitBreakerConfiguration
    private var phase = Phase.closed
    private var generation: UInt64 = 0
    private var window: RollingWindow<Instant>
    /// Times the circuit opened since creation.
    public private(set) var openedCount = 0
    /// Calls rejected by `permit` since creation.
    public private(set) var rejectedCount = 0

    public init(configuration: CircuitBreakerConfiguration) {
        self.configuration = configuration
        window = RollingWindow(windowDuration: configuration.windowDuration, bucketCount: configuration.bucketCount)
    }

    /// The state as of the last event (an open circuit turns half-open on the next `permit`).
    public var state: CircuitState {
        switch phase {
        case .closed: .closed
        case .open: .open
        case .halfOpen: .halfOpen
        }
    }

    /// A caller wants to call the backend.
    public mutating func permit(now: Instant) -> Permit {
        if case .open(let until) = phase {
            guard now >= until else { return reject() }
            transition(to: .halfOpen(admitted: 0, succeeded: 0))
        }
        switch phase {
        case .closed:
            return .allow(CircuitTicket(isTrial: false, generation: generation))
        case .halfOpen(let admitted, let succeeded):
            guard admitted < max(configuration.halfOpenTrialCalls, 1) else { return reject() }
            phase = .halfOpen(admitted: admitted + 1, succeeded: succeeded)
            return .allow(CircuitTicket(isTrial: true, generation: generation))
        case .open:
            return reject()
        }
    }

    /// A permitted call ended.
    /// - Parameters:
    ///   - outcome: The caller's verdict; `.ignored` for cancellations and our own bad requests.
    ///   - duration: How long the call took; at or above `slowCallDuration` it is slow.
    ///   - ticket: The ticket `permit` gave for this call.
    /// - Returns: The transition this outcome caused, if any.
    public mutating func record(
        outcome: CallOutcome, duration: Duration, now: Instant,
        ticket: CircuitTicket
    ) -> Transition? {
        guard ticket.generation == generation else { return nil }
        let slow = duration >= configuration.slowCallDuration
        switch phase {
        case .closed:
            guard outcome != .ignored else { return nil }
            window.record(failure: outcome == .failure, slow: slow, now: now)
            let counts = window.counts(now: now)
            guard counts.calls >= max(configuration.minimumCalls, 1) else { return nil }
            if counts.failureRate >= configuration.failureRateThreshold { return open(.failureRate, now: now) }
            if counts.slowCallRate >= configuration.slowCallRateThreshold { return open(.slowCallRate, now: now) }
            return nil
        case .halfOpen(let admitted, let succeeded):
            switch outcome {
            case .ignored:
                phase = .halfOpen(admitted: admitted - 1, succeeded: succeeded)
                return nil
            case .failure:
                return open(.trialFailed, now: now)
            case .success:
                if slow { return open(.trialFailed, now: now) }
                guard succeeded + 1 >= max(configuration.halfOpenTrialCalls, 1) else {
                    phase = .halfOpen(admitted: admitted, succeeded: succeeded + 1)
                    return nil
                }
                window.reset()
                transition(to: .closed)
                return .closed
            }
        case .open:
            return nil
        }
    }

    /// The state at `now` and the window's counts, for a status page.
    public func snapshot(now: Instant) -> CircuitBreakerSnapshot {
        var current = state
        var openUntil: Instant?
        if case .open(let until) = phase {
            if now >= until { current = .halfOpen } else { openUntil = until }
        }
        return CircuitBreakerSnapshot(
            state: current, window: window.counts(now: now),
            openRemaining: openUntil.map { now.duration(to: $0) },
            openedCount: openedCount, rejectedCount: rejectedCount)
    }

    private mutating func open(_ reason: OpenReason, now: Instant) -> Transition {
        openedCount += 1
        transition(to: .open(until: now.advanced(by: configuration.openDuration)))
        return .opened(reason)
    }

    private mutating func transition(to next: Phase) {
        phase = next
        generation &+= 1
    }

    private mutating func reject() -> Permit {
        rejectedCount += 1
        return .rejectOpen
    }
}

/// Proof that `CircuitBreaker.permit` let a call through; hand it back to `record`.
public struct CircuitTicket: Sendable, Hashable {
    /// Whether the call is a half-open trial.
    public let isTrial: Bool
    /// The breaker's generation when the ticket was issued.
    let generation: UInt64
}

/// A circuit breaker's state and counters at one instant.
public struct CircuitBreakerSnapshot: Sendable, Equatable {
    public var state: CircuitState
    public var window: CircuitWindowCounts
    /// Time left before an open circuit admits trials; `nil` unless open.
    public var openRemaining: Duration?
    public var openedCount: Int
    public var rejectedCount: Int
}
