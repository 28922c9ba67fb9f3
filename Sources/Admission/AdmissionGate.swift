import Synchronization

/// The live door: `AdmissionController`, `DiscoveryBudget` and `UploadBudget` under one lock,
/// with waiting requests parked on continuations. The lock is never held across an `await`, and
/// continuations are resumed outside it.
public final class AdmissionGate: Sendable {
    public typealias Instant = ContinuousClock.Instant

    /// A place at the door: hand it back with `finished`.
    public struct Ticket: Sendable {
        fileprivate let id: UInt64
        /// When the request was admitted (its service time starts here).
        public let admitted: Instant
    }

    /// The answer to `admit`.
    public enum Admission: Sendable {
        case admitted(Ticket)
        case shed(ShedReason)
    }

    /// What the metrics and the status page show.
    public struct Status: Sendable, Encodable {
        public let enabled: Bool
        public let limit: Int
        public let inFlight: Int
        public let queued: Int
        public let shedding: Bool
        public let minimumLatencyMs: Double?
        public let discoveriesInFlight: Int
        public let uploadBytesReserved: Int
        public let shedTotal: [String: Int]
    }

    private struct State {
        var controller: AdmissionController<Instant, UInt64, String>
        var discovery: DiscoveryBudget<String>
        var uploads: UploadBudget
        var waiters: [UInt64: CheckedContinuation<ShedReason?, Never>] = [:]
        /// Results decided before the waiter parked.
        var early: [UInt64: ShedReason?] = [:]
        var nextID: UInt64 = 0
        var shedTotal: [ShedReason: Int] = [:]
        /// The OCMWs of each waiting request, for the metrics of one that is displaced.
        var waitingKeys: [UInt64: [String]] = [:]
    }

    public let configuration: AdmissionConfiguration
    private let state: Mutex<State>
    /// Called for every shed request, outside the lock (metrics).
    private let onShed: @Sendable (ShedReason, [String]) -> Void

    public init(configuration: AdmissionConfiguration, onShed: @escaping @Sendable (ShedReason, [String]) -> Void = { _, _ in }) {
        self.configuration = configuration
        self.onShed = onShed
        state = Mutex(
            State(
                controller: AdmissionController(configuration: configuration),
                discovery: DiscoveryBudget(
                    maxInFlight: configuration.maxDiscoveries, maxPerClient: configuration.maxDiscoveriesPerClient),
                uploads: UploadBudget(maxBytes: configuration.maxUploadBytesInFlight)))
    }

    /// Waits for a place: at once when one is free, up to the queue's wait when not, not at all
    /// when the request deserves a place in a full queue least. Cancellation gives the place up.
    public func admit(priority: AdmissionPriority, shares: [AdmissionShare<String>]) async -> Admission {
        let now = Instant.now
        let (id, arrival, expired, displacedKeys) = state.withLock { state in
            state.nextID += 1
            let expired = state.controller.expire(now: now)
            let arrival = state.controller.arrived(id: state.nextID, priority: priority, shares: shares, now: now)
            var displacedKeys: [String] = []
            if case .enqueue(let displaced) = arrival {
                state.waitingKeys[state.nextID] = shares.map(\.key)
                if let displaced { displacedKeys = state.waitingKeys.removeValue(forKey: displaced) ?? [] }
            }
            return (state.nextID, arrival, expired, displacedKeys)
        }
        apply(expired)
        switch arrival {
        case .admit:
            return .admitted(Ticket(id: id, admitted: now))
        case .shed(let reason):
            recordShed(reason, keys: shares.map(\.key))
            return .shed(reason)
        case .enqueue(let displaced):
            if let displaced { resolve([(displaced, .displaced, displacedKeys)]) }
        }
        let timer = Task { [weak self, configuration] in
            try? await Task.sleep(for: configuration.maxQueueWait, tolerance: .milliseconds(1), clock: .continuous)
            self?.expire()
        }
        defer { timer.cancel() }
        let outcome: ShedReason? = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let early = state.withLock { state -> ShedReason?? in
                    if let result = state.early.removeValue(forKey: id) { return .some(result) }
                    state.waiters[id] = continuation
                    return .none
                }
                if let early { continuation.resume(returning: early) }
            }
        } onCancel: {
            let removed = state.withLock { $0.controller.cancel(id: id, now: .now) }
            if removed { resolve([(id, .queueTimeout, nil)]) }
        }
        if let outcome { return .shed(outcome) }
        return .admitted(Ticket(id: id, admitted: .now))
    }

    /// A request admitted with `ticket` ended.
    /// - Parameters:
    ///   - excluding: The part of its latency that was not the proxy's (its longest backend
    ///     call), taken off before the limit learns from it; nil when its latency says nothing
    ///     about the proxy's speed (a request its caller gave up, a document streamed at the
    ///     caller's pace).
    ///   - arrived: When the request arrived, if known: then its latency counts from there, so
    ///     that the wait before the door (for the event loop, a thread, a place) tells the limit
    ///     the machine is saturated; else from its admission.
    public func finished(_ ticket: Ticket, excluding: Duration? = .zero, arrived: Instant? = nil) {
        let now = Instant.now
        let start = min(arrived ?? ticket.admitted, ticket.admitted)
        let latency = excluding.map { max(.zero, start.duration(to: now) - $0) }
        apply(state.withLock { $0.controller.finished(id: ticket.id, latency: latency, now: now) })
    }

    /// An admitted request was refused after all (too little time left): readiness shows shedding.
    public func shedAfterAdmission(_ reason: ShedReason, keys: [String]) {
        state.withLock { $0.controller.shedAfterAdmission(now: .now) }
        recordShed(reason, keys: keys)
    }

    // MARK: Budgets

    /// Takes a discovery place for `client`; false (and counted as shed) when none is left.
    /// Not a sign of overload for readiness: one client's searches say nothing of the proxy.
    public func takeDiscovery(client: String) -> Bool {
        let taken = state.withLock { $0.discovery.take(client: client) }
        if !taken { recordShed(.discovery, keys: []) }
        return taken
    }

    public func giveBackDiscovery(client: String) {
        state.withLock { $0.discovery.giveBack(client: client) }
    }

    /// Reserves upload bytes; false (and counted as shed) past the cap. Not a sign of overload
    /// for readiness: reads are still served.
    public func reserveUpload(bytes: Int) -> Bool {
        let reserved = state.withLock { $0.uploads.reserve(bytes) }
        if !reserved { recordShed(.uploads, keys: []) }
        return reserved
    }

    public func releaseUpload(bytes: Int) {
        state.withLock { $0.uploads.release(bytes) }
    }

    // MARK: Status

    /// Whether the door refused a request within `sheddingSignal`.
    public var isShedding: Bool {
        state.withLock { state in
            guard let last = state.controller.lastShed else { return false }
            return last.duration(to: .now) < configuration.sheddingSignal
        }
    }

    public var status: Status {
        state.withLock { state in
            let controller = state.controller
            let shedding = controller.lastShed.map { $0.duration(to: .now) < configuration.sheddingSignal } ?? false
            return Status(
                enabled: configuration.enabled, limit: configuration.enabled ? controller.limit : 0,
                inFlight: controller.inFlight, queued: controller.queued, shedding: shedding,
                minimumLatencyMs: controller.limiter.minimumLatency.map { Self.milliseconds($0) },
                discoveriesInFlight: state.discovery.inFlight, uploadBytesReserved: state.uploads.reservedBytes,
                shedTotal: Dictionary(uniqueKeysWithValues: state.shedTotal.map { ($0.key.rawValue, $0.value) }))
        }
    }

    // MARK: Resuming

    private func expire() {
        apply(state.withLock { $0.controller.expire(now: .now) })
    }

    private func apply(_ decisions: AdmissionController<Instant, UInt64, String>.Decisions) {
        resolve(decisions.admit.map { ($0, nil, nil) } + decisions.shed.map { ($0.id, $0.reason, $0.keys) })
    }

    /// Resumes each waiter exactly once (nil: admitted), or leaves the result for it when it has
    /// not parked yet. `keys` nil: not counted as shed (the caller went away).
    private func resolve(_ results: [(UInt64, ShedReason?, [String]?)]) {
        guard !results.isEmpty else { return }
        let continuations = state.withLock { state in
            results.compactMap { id, reason, _ -> (CheckedContinuation<ShedReason?, Never>, ShedReason?)? in
                state.waitingKeys[id] = nil
                if let continuation = state.waiters.removeValue(forKey: id) { return (continuation, reason) }
                state.early[id] = .some(reason)
                return nil
            }
        }
        for (_, reason, keys) in results {
            if let reason, let keys { recordShed(reason, keys: keys) }
        }
        for (continuation, reason) in continuations { continuation.resume(returning: reason) }
    }

    private func recordShed(_ reason: ShedReason, keys: [String]) {
        state.withLock { $0.shedTotal[reason, default: 0] += 1 }
        onShed(reason, keys)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
    }
}
