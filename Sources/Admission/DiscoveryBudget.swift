/// Bounds discovery, the costliest read there is (an unknown citizen is asked of every active
/// OCMW): so many at once in all, fewer for one client. Refused at once, never queued: a
/// discovery that waits holds its caller's deadline for nothing.
public struct DiscoveryBudget<Client: Hashable & Sendable>: Sendable {
    public let maxInFlight: Int
    public let maxPerClient: Int
    /// Discoveries running.
    public private(set) var inFlight = 0
    private var byClient: [Client: Int] = [:]

    public init(maxInFlight: Int, maxPerClient: Int) {
        self.maxInFlight = max(1, maxInFlight)
        self.maxPerClient = max(1, min(maxPerClient, self.maxInFlight))
    }

    /// Takes a place for `client`; false when the budget in all or the client's is spent.
    public mutating func take(client: Client) -> Bool {
        guard inFlight < maxInFlight, byClient[client, default: 0] < maxPerClient else { return false }
        inFlight += 1
        byClient[client, default: 0] += 1
        return true
    }

    /// Gives back a place `take` gave.
    public mutating func giveBack(client: Client) {
        guard let held = byClient[client], held > 0 else { return }
        byClient[client] = held > 1 ? held - 1 : nil
        inFlight -= 1
    }
}

/// Bounds the bytes uploads may hold at once (their bodies are read whole before they are
/// stored): an upload reserves what it may bring before it is read and returns it afterwards.
public struct UploadBudget: Sendable {
    public let maxBytes: Int
    /// Bytes reserved by uploads in progress.
    public private(set) var reservedBytes = 0

    public init(maxBytes: Int) {
        self.maxBytes = max(1, maxBytes)
    }

    /// Reserves `bytes`; false when that would pass the cap.
    public mutating func reserve(_ bytes: Int) -> Bool {
        guard bytes >= 0, reservedBytes + bytes <= maxBytes else { return false }
        reservedBytes += bytes
        return true
    }

    /// Returns bytes `reserve` gave.
    public mutating func release(_ bytes: Int) {
        reservedBytes = max(0, reservedBytes - bytes)
    }
}
