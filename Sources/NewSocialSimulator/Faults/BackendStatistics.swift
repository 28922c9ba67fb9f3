import Synchronization

/// What one simulated backend has seen since start.
public struct BackendStatistics: Sendable, Equatable, Codable {
    /// TCP connections accepted.
    public var connectionsAccepted: Int
    /// Connections currently open.
    public var connectionsOpen: Int
    /// Requests read completely, whatever the fault then made of them (hung and reset included).
    public var requestsServed: Int

    /// Statistics with these counts (all zero by default).
    public init(connectionsAccepted: Int = 0, connectionsOpen: Int = 0, requestsServed: Int = 0) {
        self.connectionsAccepted = connectionsAccepted
        self.connectionsOpen = connectionsOpen
        self.requestsServed = requestsServed
    }
}

/// Live counters behind `BackendStatistics`, updated from the event loops.
final class BackendCounters: Sendable {
    private let accepted = Atomic<Int>(0)
    private let open = Atomic<Int>(0)
    private let requests = Atomic<Int>(0)

    func connectionOpened() {
        accepted.add(1, ordering: .relaxed)
        open.add(1, ordering: .relaxed)
    }

    func connectionClosed() { open.subtract(1, ordering: .relaxed) }

    func requestRead() { requests.add(1, ordering: .relaxed) }

    var snapshot: BackendStatistics {
        BackendStatistics(connectionsAccepted: accepted.load(ordering: .relaxed),
                          connectionsOpen: open.load(ordering: .relaxed),
                          requestsServed: requests.load(ordering: .relaxed))
    }
}
