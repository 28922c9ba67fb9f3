import Synchronization

/// A routing index kept in memory: for tests and for tools that need no persistence.
///
/// Behaves like the SQLite store (both pass the same compatibility suite). A class around a
/// mutex rather than an actor, so callers can pass lazy sequences and progress closures that
/// are not `Sendable`: nothing ever leaves the calling task.
public final class InMemoryRoutingIndex: RoutingIndexStore {
    private struct Key: Hashable {
        let tenant: TenantID
        let capacity: String
        let start: DayDate
    }

    private struct State {
        var byCitizen: [INSZ: [Key: RoutingRegistration]] = [:]
        var stored = 0

        mutating func register(_ registration: RoutingRegistration) {
            let key = Key(tenant: registration.tenant, capacity: registration.capacity, start: registration.period.start)
            if byCitizen[registration.insz, default: [:]].updateValue(registration, forKey: key) == nil {
                stored += 1
            }
        }
    }

    private let state = Mutex(State())

    /// An empty index.
    public init() {}

    public func register(_ registration: RoutingRegistration) async {
        state.withLock { $0.register(registration) }
    }

    public func unregister(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate) async -> Bool {
        let key = Key(tenant: tenant, capacity: capacity, start: start)
        return state.withLock { state in
            guard state.byCitizen[insz]?.removeValue(forKey: key) != nil else { return false }
            if state.byCitizen[insz]?.isEmpty == true { state.byCitizen[insz] = nil }
            state.stored -= 1
            return true
        }
    }

    public func lookup(insz: INSZ, on day: DayDate) async -> [RoutingRegistration] {
        let all = state.withLock { Array(($0.byCitizen[insz] ?? [:]).values) }
        return all.filter { $0.period.covers(day) }.sorted {
            ($0.tenant.rawValue, $0.capacity, $0.period.start) < ($1.tenant.rawValue, $1.capacity, $1.period.start)
        }
    }

    public func count() async -> Int { state.withLock { $0.stored } }

    public func importRegistrations(
        _ registrations: some Sequence<RoutingRegistration>,
        progress: (_ imported: Int, _ total: Int?) -> Void
    ) async -> Int {
        let total = (registrations as? any Collection)?.count
        var imported = 0
        for registration in registrations {
            state.withLock { $0.register(registration) }
            imported += 1
        }
        progress(imported, total)
        return imported
    }
}
