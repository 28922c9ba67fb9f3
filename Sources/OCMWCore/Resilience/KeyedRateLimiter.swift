/// A token bucket per key (a caller's client id): each key gets the same steady rate with room
/// for a burst, independently of the others.
///
/// A pure state machine: every call takes `now`. Memory is bounded: past `maxKeys`, buckets that
/// have refilled completely are forgotten (a new bucket starts full, so forgetting one changes
/// nothing), and when every bucket is in use the least full one is forgotten — that key gets a
/// fresh burst, which is the only leniency, and only with more than `maxKeys` callers at once.
public struct KeyedRateLimiter<Key: Hashable & Sendable, Instant: InstantProtocol>: Sendable
where Instant.Duration == Duration {
    public let configuration: TokenBucketConfiguration
    /// The most keys remembered at once.
    public let maxKeys: Int
    private var buckets: [Key: TokenBucket<Instant>] = [:]

    public init(configuration: TokenBucketConfiguration, maxKeys: Int = 10_000) {
        self.configuration = configuration
        self.maxKeys = max(1, maxKeys)
    }

    /// Takes one token of `key`'s bucket.
    /// - Returns: `nil` when taken; otherwise how long until one is there (taking nothing).
    public mutating func take(_ key: Key, now: Instant) -> Duration? {
        if buckets[key] == nil {
            if buckets.count >= maxKeys { forgetIdle(now: now) }
            buckets[key] = TokenBucket(configuration: configuration)
        }
        if buckets[key]!.tryTake(now: now) { return nil }
        return buckets[key]!.timeUntilAvailable(now: now) ?? .seconds(1)
    }

    /// How many keys are remembered.
    public var keyCount: Int { buckets.count }

    private mutating func forgetIdle(now: Instant) {
        let capacity = Double(max(configuration.burst, 1))
        buckets = buckets.filter { $0.value.available(now: now) < capacity }
        if buckets.count >= maxKeys,
            let fullest = buckets.max(by: { $0.value.available(now: now) < $1.value.available(now: now) })
        {
            buckets[fullest.key] = nil
        }
    }
}
