import Synchronization

/// A routing index with a short-lived in-memory cache of look-ups in front of another one.
///
/// Every citizen request looks its citizen up; reading SQLite or PostgreSQL each time costs more
/// than the rest of routing. Writes through this wrapper (the registration feed, discovery, an
/// import) forget the citizen's cached answer at once, so this instance sees its own writes on the
/// next read; writes by other instances sharing the store are seen after at most the TTL.
/// Errors are never cached.
public final class CachingRoutingIndex: RoutingIndexStore {
    /// The store that holds the rows.
    public let base: any RoutingIndexStore

    /// The base store's batch size: the cache adds no transaction of its own.
    public var importBatchRows: Int { base.importBatchRows }
    private let cache: Mutex<RoutingLookupCache<ContinuousClock.Instant>>
    private let now: @Sendable () -> ContinuousClock.Instant

    /// - Parameters:
    ///   - base: The store read on a miss and written through.
    ///   - configuration: TTL and bound of the cache.
    ///   - now: The clock; injectable for tests.
    public init(
        wrapping base: any RoutingIndexStore, configuration: RoutingLookupCache<ContinuousClock.Instant>.Configuration = .init(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.base = base
        self.now = now
        cache = Mutex(RoutingLookupCache(configuration: configuration))
    }

    /// The number of citizens whose answer is cached (for tests and the status page).
    public var cachedCitizens: Int { cache.withLock { $0.count } }

    /// Forgets what another instance's write made stale (announced by the shared store).
    public func apply(_ change: RoutingIndexChange) {
        cache.withLock { cache in
            switch change {
            case .registered(let insz, _), .unregistered(let insz): cache.invalidate(insz: insz)
            case .everything: cache.invalidateAll()
            }
        }
    }

    public func register(_ registration: RoutingRegistration) async throws {
        // Forgotten even when the write fails: it may have been committed before the error.
        defer { cache.withLock { $0.invalidate(insz: registration.insz) } }
        try await base.register(registration)
    }

    public func unregister(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate) async throws -> Bool {
        defer { cache.withLock { $0.invalidate(insz: insz) } }
        return try await base.unregister(insz: insz, tenant: tenant, capacity: capacity, start: start)
    }

    public func lookup(insz: INSZ, on day: DayDate) async throws -> [RoutingRegistration] {
        let (cached, ticket) = cache.withLock { cache in (cache.answer(insz: insz, on: day, now: now()), cache.ticket) }
        if let cached { return cached }
        let rows = try await base.lookup(insz: insz, on: day)
        cache.withLock { $0.store(rows, insz: insz, on: day, now: now(), ticket: ticket) }
        return rows
    }

    public func count() async throws -> Int {
        try await base.count()
    }

    @discardableResult
    public func importRegistrations(
        _ registrations: some Sequence<RoutingRegistration>,
        progress: (_ imported: Int, _ total: Int?) -> Void
    ) async throws -> Int {
        defer { cache.withLock { $0.invalidateAll() } }
        return try await base.importRegistrations(registrations, progress: progress)
    }
}
