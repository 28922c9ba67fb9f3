/// Remembers, for a while, which OCMWs answered "I do not know this citizen", so that a burst of
/// lookups for citizens the routing index does not know does not ask every backend every time.
///
/// A pure state machine: no clock of its own (every call takes `now`), no I/O, memory only — the
/// INSZ values it keeps are never written anywhere. The owner wraps it in a lock. Generic over the
/// instant so tests drive it with a fake clock.
///
/// Bounded: at most `maxCitizens` citizens are remembered; when full, the citizen whose last
/// negative answer is oldest is forgotten first. Since every answer lives equally long, that is
/// also the one closest to expiry.
public struct DiscoveryCache<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How long a negative answer is trusted and how many citizens are kept.
    public struct Configuration: Sendable, Equatable {
        /// How long "OCMW X does not know this citizen" is believed; zero or less remembers nothing.
        public var negativeTTL: Duration
        /// The most citizens remembered at once; zero or less remembers nothing.
        public var maxCitizens: Int

        public init(negativeTTL: Duration = .seconds(300), maxCitizens: Int = 100_000) {
            self.negativeTTL = negativeTTL
            self.maxCitizens = maxCitizens
        }
    }

    private struct Entry {
        /// Per OCMW, until when its "unknown" answer holds.
        var unknownUntil: [TenantID: Instant]
        /// Matches the entry's newest item in `order`; older items for it are stale.
        var generation: UInt64
        /// When the newest negative answer was recorded: the whole entry is stale after it + TTL.
        var lastRecorded: Instant
    }

    public let configuration: Configuration
    private var entries: [INSZ: Entry] = [:]
    /// Citizens by age of their last negative answer, oldest first. A citizen answered again gets
    /// a new item; its old one goes stale.
    private var order = StorageOrder<INSZ>()

    /// An empty cache.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// The number of citizens remembered (expired ones may linger until they are pushed out).
    public var count: Int { entries.count }

    /// Whether `tenant` should be asked about `insz`: `false` only while a negative answer from
    /// it is fresh.
    public func shouldProbe(insz: INSZ, tenant: TenantID, now: Instant) -> Bool {
        guard let until = entries[insz]?.unknownUntil[tenant] else { return true }
        return now >= until
    }

    /// The tenants among `candidates` that should be asked about `insz`, in the given order.
    public func tenantsToProbe(insz: INSZ, among candidates: some Sequence<TenantID>, now: Instant) -> [TenantID] {
        guard let entry = entries[insz] else { return Array(candidates) }
        return candidates.filter { tenant in entry.unknownUntil[tenant].map { now >= $0 } ?? true }
    }

    /// A probe of `tenant` about `insz` was answered.
    /// - Parameter known: `true` when the OCMW has a dossier for the citizen: any negative answer
    ///   from it is dropped. `false` is remembered for `negativeTTL`.
    public mutating func probeAnswered(insz: INSZ, tenant: TenantID, known: Bool, now: Instant) {
        if known {
            forget(insz: insz, tenant: tenant)
            return
        }
        guard configuration.negativeTTL > .zero, configuration.maxCitizens > 0 else { return }
        dropExpired(now: now)
        if entries[insz] == nil {
            while entries.count >= configuration.maxCitizens, evictOldest() {}
        }
        let generation = order.append(insz)
        let until = now.advanced(by: configuration.negativeTTL)
        entries[insz, default: Entry(unknownUntil: [:], generation: generation, lastRecorded: now)]
            .unknownUntil[tenant] = until
        entries[insz]?.generation = generation
        entries[insz]?.lastRecorded = now
        order.compactIfNeeded(entries, generation: \.generation)
    }

    /// A registration for `insz` at `tenant` arrived through the routing feed: a negative answer
    /// from that OCMW is no longer true.
    public mutating func registrationArrived(insz: INSZ, tenant: TenantID) {
        forget(insz: insz, tenant: tenant)
    }

    private mutating func forget(insz: INSZ, tenant: TenantID) {
        guard entries[insz]?.unknownUntil.removeValue(forKey: tenant) != nil else { return }
        // Its item in `order` goes stale with the entry and is skipped later.
        if entries[insz]?.unknownUntil.isEmpty == true { entries[insz] = nil }
    }

    /// Drops citizens, oldest first, whose newest negative answer has expired.
    private mutating func dropExpired(now: Instant) {
        while let (insz, entry) = order.oldest(in: entries, generation: \.generation),
            now >= entry.lastRecorded.advanced(by: configuration.negativeTTL)
        {
            entries[insz] = nil
            order.dropOldest()
        }
    }

    /// Forgets the oldest remembered citizen; `false` when there is none.
    private mutating func evictOldest() -> Bool {
        guard let (insz, _) = order.oldest(in: entries, generation: \.generation) else { return false }
        entries[insz] = nil
        order.dropOldest()
        return true
    }
}
