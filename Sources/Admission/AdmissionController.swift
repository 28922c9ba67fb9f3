/// The door's decisions: which request runs now, which waits, which is shed.
///
/// A pure state machine (every event brings its own `now`; nothing sleeps or locks), fed with
/// past-tense events and answering with actions for its owner to carry out:
/// - **Limit.** At most `GradientLimit.limit` requests run at once; each finished request's own
///   latency adjusts that limit.
/// - **Bulkheads.** A request is not admitted while one of the OCMWs it needs has no room for its
///   calls (`AdmissionShare.capacity`), unless that OCMW has no call of ours at all: a healthy OCMW's
///   bulkhead never overflows because the door let too much in.
/// - **Queue.** A short bounded queue, CoDel style: while it drains, a request waits at most
///   `maxQueueWait`, first come first served; once it has not been empty for `queueInterval`, at
///   most `queueTarget`, newest first (fresh requests can still meet their deadline).
/// - **Order.** Submissions before reads; among equals, the request whose OCMWs hold the smallest
///   weighted share of what runs (fair share), so a surge of one OCMW's citizens cannot take
///   another OCMW's place. A full queue sheds its least deserving request, which may be the
///   newcomer.
public struct AdmissionController<Instant: InstantProtocol, ID: Hashable & Sendable, Key: Hashable & Sendable>: Sendable
where Instant.Duration == Duration {
    /// The answer to an arrival.
    public enum Arrival: Sendable, Equatable {
        /// Run it now; report `finished` when it ends.
        case admit
        /// Let it wait: a later `finished` may admit it, `expire` sheds it. `displaced` is a waiter
        /// that lost its place to it and must be shed now.
        case enqueue(displaced: ID?)
        /// Refuse it now.
        case shed(ShedReason)
    }

    /// Waiters to resume.
    public struct Decisions: Sendable, Equatable {
        /// Admitted now: each runs and reports `finished`.
        public var admit: [ID] = []
        /// Shed now, with the reason.
        public var shed: [Shed] = []

        public init(admit: [ID] = [], shed: [Shed] = []) {
            self.admit = admit
            self.shed = shed
        }
    }

    /// A shed waiter.
    public struct Shed: Sendable, Equatable {
        public var id: ID
        public var reason: ShedReason
        /// The OCMWs it needed (for the metrics' tenant label).
        public var keys: [Key]

        public init(id: ID, reason: ShedReason, keys: [Key]) {
            self.id = id
            self.reason = reason
            self.keys = keys
        }
    }

    private struct Request: Sendable {
        var id: ID
        var priority: AdmissionPriority
        var shares: [AdmissionShare<Key>]
        var arrived: Instant
        var sequence: UInt64
    }

    public let configuration: AdmissionConfiguration
    private(set) public var limiter: GradientLimit<Instant>
    private var running: [ID: Request] = [:]
    private var waiters: [Request] = []
    private var callsByKey: [Key: Int] = [:]
    private var requestsByKey: [Key: Int] = [:]
    private var sequence: UInt64 = 0
    /// When the queue was last seen empty (CoDel's "standing queue" test).
    private var lastEmpty: Instant?
    /// When a request was last shed (readiness reports shedding for a while after).
    public private(set) var lastShed: Instant?

    public init(configuration: AdmissionConfiguration) {
        self.configuration = configuration
        limiter = GradientLimit(configuration: configuration.limit)
    }

    /// Requests running.
    public var inFlight: Int { running.count }
    /// Requests waiting.
    public var queued: Int { waiters.count }
    /// The ids of the requests running.
    public var runningIDs: [ID] { Array(running.keys) }
    /// The concurrency limit in force.
    public var limit: Int { configuration.enabled ? limiter.limit : Int.max }

    /// Whether the queue has stood (not been empty) for a whole interval at `now`.
    public func isQueueStanding(now: Instant) -> Bool {
        guard !waiters.isEmpty, let lastEmpty else { return false }
        return lastEmpty.duration(to: now) >= configuration.queueInterval
    }

    /// How long a waiter may wait at `now`.
    public func maxWait(now: Instant) -> Duration {
        isQueueStanding(now: now) ? configuration.queueTarget : configuration.maxQueueWait
    }

    /// A request arrived at the door.
    public mutating func arrived(id: ID, priority: AdmissionPriority, shares: [AdmissionShare<Key>], now: Instant) -> Arrival {
        sequence += 1
        let request = Request(id: id, priority: priority, shares: shares, arrived: now, sequence: sequence)
        if fits(request) {
            start(request)
            return .admit
        }
        if waiters.isEmpty { lastEmpty = now }
        guard configuration.queueSize > 0, configuration.maxQueueWait > .zero else {
            lastShed = now
            return .shed(.queueFull)
        }
        var displaced: ID?
        if waiters.count >= configuration.queueSize {
            guard let worst = leastDeservingWaiter(now: now), deserves(request, over: waiters[worst], now: now) else {
                lastShed = now
                return .shed(.queueFull)
            }
            displaced = waiters.remove(at: worst).id
            lastShed = now
        }
        waiters.append(request)
        return .enqueue(displaced: displaced)
    }

    /// A running request ended.
    /// - Parameter latency: Its own service time, to adapt the limit; nil when it says nothing
    ///   about the proxy's speed (cancelled by its caller).
    public mutating func finished(id: ID, latency: Duration?, now: Instant) -> Decisions {
        guard let request = running.removeValue(forKey: id) else { return Decisions() }
        for share in request.shares {
            callsByKey[share.key, default: 0] -= share.calls
            requestsByKey[share.key, default: 0] -= 1
            if callsByKey[share.key] ?? 0 <= 0, requestsByKey[share.key] ?? 0 <= 0 {
                callsByKey[share.key] = nil
                requestsByKey[share.key] = nil
            }
        }
        if let latency, configuration.enabled {
            limiter.sampled(latency: latency, inFlight: running.count + 1, now: now)
        }
        return schedule(now: now)
    }

    /// Sheds the waiters that waited as long as the queue allows at `now`, and admits any that fit.
    public mutating func expire(now: Instant) -> Decisions {
        schedule(now: now)
    }

    /// A waiter went away (its caller gave up). `false` when it was not waiting.
    public mutating func cancel(id: ID, now: Instant) -> Bool {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return false }
        waiters.remove(at: index)
        if waiters.isEmpty { lastEmpty = now }
        return true
    }

    /// A request that was admitted is found, after all, unable to finish in time and is refused
    /// by its owner: count it as shed for the readiness signal.
    public mutating func shedAfterAdmission(now: Instant) {
        lastShed = now
    }

    // MARK: Deciding

    private mutating func schedule(now: Instant) -> Decisions {
        var decisions = Decisions()
        let wait = maxWait(now: now)
        waiters.removeAll { waiter in
            guard waiter.arrived.duration(to: now) >= wait else { return false }
            decisions.shed.append(Shed(id: waiter.id, reason: .queueTimeout, keys: waiter.shares.map(\.key)))
            return true
        }
        if !decisions.shed.isEmpty { lastShed = now }
        let newestFirst = isQueueStanding(now: now)
        while let next = bestFittingWaiter(newestFirst: newestFirst) {
            let request = waiters.remove(at: next)
            start(request)
            decisions.admit.append(request.id)
        }
        if waiters.isEmpty { lastEmpty = now }
        return decisions
    }

    private func fits(_ request: Request) -> Bool {
        guard configuration.enabled else { return true }
        guard running.count < limit else { return false }
        return request.shares.allSatisfy { share in
            let held = callsByKey[share.key] ?? 0
            guard let capacity = share.capacity, held > 0 else { return true }
            return held + share.calls <= capacity
        }
    }

    private mutating func start(_ request: Request) {
        running[request.id] = request
        for share in request.shares {
            callsByKey[share.key, default: 0] += share.calls
            requestsByKey[share.key, default: 0] += 1
        }
    }

    /// The weighted share of running requests the request's OCMWs already hold (its largest).
    private func shareHeld(by request: Request) -> Double {
        request.shares.map { Double(requestsByKey[$0.key] ?? 0) / $0.weight }.max() ?? 0
    }

    /// Whether `a` goes before `b`: priority, then the smaller share held, then arrival order
    /// (newest first while the queue stands).
    private func precedes(_ a: Request, _ b: Request, newestFirst: Bool) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        let shareA = shareHeld(by: a)
        let shareB = shareHeld(by: b)
        if shareA != shareB { return shareA < shareB }
        return newestFirst ? a.sequence > b.sequence : a.sequence < b.sequence
    }

    private func bestFittingWaiter(newestFirst: Bool) -> Int? {
        var best: Int?
        for index in waiters.indices where fits(waiters[index]) {
            if let current = best, !precedes(waiters[index], waiters[current], newestFirst: newestFirst) { continue }
            best = index
        }
        return best
    }

    private func leastDeservingWaiter(now: Instant) -> Int? {
        let newestFirst = isQueueStanding(now: now)
        var worst: Int?
        for index in waiters.indices {
            if let current = worst, !precedes(waiters[current], waiters[index], newestFirst: newestFirst) { continue }
            worst = index
        }
        return worst
    }

    /// Whether a newcomer deserves a place in a full queue more than `waiter`: a higher priority,
    /// or a strictly smaller share held (arrival order alone never displaces anyone).
    private func deserves(_ newcomer: Request, over waiter: Request, now: Instant) -> Bool {
        if newcomer.priority != waiter.priority { return newcomer.priority > waiter.priority }
        return shareHeld(by: newcomer) < shareHeld(by: waiter)
    }
}
