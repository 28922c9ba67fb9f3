/// Remembers, for a short while, the answer of the routing index for a citizen on a day, so that
/// a citizen's requests do not each read the index.
///
/// A pure state machine: no clock of its own (every call takes `now`), no I/O, memory only. The
/// owner (`CachingRoutingIndex`) wraps it in a lock. Generic over the instant so tests drive it
/// with a fake clock.
///
/// Bounded: at most `maxEntries` citizens are remembered; when full, the one stored longest ago
/// is forgotten first (every answer lives equally long, so that is the one closest to expiry).
/// The short TTL is what lets several instances sharing one index converge: another instance's
/// writes are seen at most `ttl` late. This instance's own writes forget the citizen at once.
public struct RoutingLookupCache<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How long an answer is trusted and how many citizens are kept.
    public struct Configuration: Sendable, Equatable {
        /// How long an answer of the index is reused; zero or less caches nothing.
        public var ttl: Duration
        /// The most citizens remembered at once; zero or less caches nothing.
        public var maxEntries: Int

        public init(ttl: Duration = .seconds(60), maxEntries: Int = 100_000) {
            self.ttl = ttl
            self.maxEntries = maxEntries
        }

        /// Whether anything is cached at all.
        public var isEnabled: Bool { ttl > .zero && maxEntries > 0 }
    }

    private struct Entry {
        var day: DayDate
        var rows: [RoutingRegistration]
        var expires: Instant
        /// Matches the entry's item in `order`; older items for the same citizen are stale.
        var generation: UInt64
    }

    /// A token taken before reading the index; the answer read is stored only if no write
    /// happened meanwhile (it might predate that write).
    public struct Ticket: Sendable, Equatable {
        fileprivate let writes: UInt64
    }

    public let configuration: Configuration
    private var entries: [INSZ: Entry] = [:]
    /// Citizens in the order they were stored, oldest first.
    private var order = StorageOrder<INSZ>()
    /// Counts invalidations, so that a read that overlapped one is not stored.
    private var writes: UInt64 = 0

    /// An empty cache.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// The number of citizens remembered (expired ones may linger until they are pushed out).
    public var count: Int { entries.count }

    /// The cached answer for `insz` on `day`, or nil when there is none or it expired.
    public func answer(insz: INSZ, on day: DayDate, now: Instant) -> [RoutingRegistration]? {
        guard let entry = entries[insz], entry.day == day, now < entry.expires else { return nil }
        return entry.rows
    }

    /// Taken before reading the index, handed back to `store`.
    public var ticket: Ticket { Ticket(writes: writes) }

    /// Remembers the index's answer, unless a write happened since `ticket` was taken.
    public mutating func store(
        _ rows: [RoutingRegistration], insz: INSZ, on day: DayDate, now: Instant,
        ticket: Ticket
    ) {
        guard configuration.isEnabled, ticket.writes == writes else { return }
        dropExpired(now: now)
        if entries[insz] == nil {
            while entries.count >= configuration.maxEntries, evictOldest() {}
        }
        let generation = order.append(insz)
        entries[insz] = Entry(day: day, rows: rows, expires: now.advanced(by: configuration.ttl), generation: generation)
        order.compactIfNeeded(entries, generation: \.generation)
    }

    /// The index changed for `insz`: its answer is read again next time.
    public mutating func invalidate(insz: INSZ) {
        writes &+= 1
        // Its item in `order` goes stale with the entry and is skipped later.
        entries[insz] = nil
    }

    /// The index changed for many citizens (a bulk import): everything is read again.
    public mutating func invalidateAll() {
        writes &+= 1
        entries = [:]
        order.removeAll()
    }

    private mutating func dropExpired(now: Instant) {
        while let (insz, entry) = order.oldest(in: entries, generation: \.generation), now >= entry.expires {
            entries[insz] = nil
            order.dropOldest()
        }
    }

    private mutating func evictOldest() -> Bool {
        guard let (insz, _) = order.oldest(in: entries, generation: \.generation) else { return false }
        entries[insz] = nil
        order.dropOldest()
        return true
    }
}
