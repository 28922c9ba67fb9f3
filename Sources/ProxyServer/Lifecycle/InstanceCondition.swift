import Synchronization

/// What readiness reports about this instance beyond its own parts: whether it is being stopped
/// (draining) and whether the database it shares with other instances answers.
///
/// A load balancer reads it on `/health/ready`; both conditions mean "send my traffic elsewhere"
/// while this instance still finishes what it has.
public final class InstanceCondition: Sendable {
    private let draining = Atomic<Bool>(false)
    private let databaseCheck: @Sendable () -> Bool

    /// - Parameter databaseReachable: Whether the shared database answers (always true for the
    ///   SQLite files of a single instance).
    public init(databaseReachable: @escaping @Sendable () -> Bool = { true }) {
        databaseCheck = databaseReachable
    }

    /// Whether the instance has been asked to stop and is letting the balancer move away.
    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    /// Whether the shared database answered its last check.
    public var isDatabaseReachable: Bool { databaseCheck() }

    /// From now on readiness answers 503 `draining`; there is no way back (a drained process exits).
    public func startDraining() {
        draining.store(true, ordering: .relaxed)
    }
}
