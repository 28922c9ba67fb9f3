import Synchronization

/// What one simulated backend has seen since start.
public struct BackendStatistics: Sendable, Equatable, Codable {
    /// TCP connections accepted.
    public var connectionsAccepted: Int
    /// Connections currently open.
    public var connectionsOpen: Int
    /// Requests read completely, whatever the fault then made of them (hung and reset included).
    public var requestsServed: Int
    /// Requests read completely and not yet answered (a hung request stays in flight until its
    /// connection closes).
    public var requestsInFlight: Int
    /// The most requests that were in flight at once: what a caller's concurrency cap toward
    /// this backend must bound.
    public var peakRequestsInFlight: Int

    /// Statistics with these counts (all zero by default).
    public init(
        connectionsAccepted: Int = 0, connectionsOpen: Int = 0, requestsServed: Int = 0,
        requestsInFlight: Int = 0, peakRequestsInFlight: Int = 0
    ) {
        self.connectionsAccepted = connectionsAccepted
        self.connectionsOpen = connectionsOpen
        self.requestsServed = requestsServed
        self.requestsInFlight = requestsInFlight
        self.peakRequestsInFlight = peakRequestsInFlight
    }
}

/// Live counters behind `BackendStatistics`, updated from the event loops.
final class BackendCounters: Sendable {
    private let accepted = Atomic<Int>(0)
    private let open = Atomic<Int>(0)
    private let requests = Atomic<Int>(0)
    private let inFlight = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)

    func connectionOpened() {
        accepted.add(1, ordering: .relaxed)
        open.add(1, ordering: .relaxed)
    }

    func connectionClosed() { open.subtract(1, ordering: .relaxed) }

    /// A request was read completely: it counts as served and is in flight until `requestEnded`.
    func requestStarted() {
        requests.add(1, ordering: .relaxed)
        let now = inFlight.add(1, ordering: .relaxed).newValue
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
    }

    /// The request's answer is complete, or its connection closed before it was.
    func requestEnded() { inFlight.subtract(1, ordering: .relaxed) }

    var snapshot: BackendStatistics {
        BackendStatistics(
            connectionsAccepted: accepted.load(ordering: .relaxed),
            connectionsOpen: open.load(ordering: .relaxed),
            requestsServed: requests.load(ordering: .relaxed),
            requestsInFlight: inFlight.load(ordering: .relaxed),
            peakRequestsInFlight: peak.load(ordering: .relaxed))
    }
}
