import Synchronization

/// Holds the current tenant registry snapshot. Readers take the whole snapshot once per request,
/// so a request sees one consistent configuration even if a new one is swapped in meanwhile.
public final class TenantRegistryStore: Sendable {
    private let current: Mutex<TenantRegistry>

    public init(_ registry: TenantRegistry) {
        current = Mutex(registry)
    }

    /// The snapshot in force now.
    public var snapshot: TenantRegistry { current.withLock { $0 } }

    /// Replaces the snapshot atomically; requests already running keep the one they took.
    public func replace(with registry: TenantRegistry) {
        current.withLock { $0 = registry }
    }
}
