/// A steady rate toward one backend, with room for a burst.
public struct TokenBucketConfiguration: Sendable, Equatable {
    /// Tokens added per second; above 0.
    public var ratePerSecond: Double
    /// Most tokens the bucket holds: the largest burst; at least 1.
    public var burst: Int

    public init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }
}

/// Token bucket rate limiter for calls toward one tenant's backend (an OCMW may have told us how
/// much its New Social can take).
///
/// A pure state machine: every call takes `now`. The refill is computed from the time elapsed
/// since the last look and fractional tokens are kept, so no rounding is lost between calls and
/// the long-run rate is exact however often it is asked. Starts full.
public struct TokenBucket<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Tolerance for floating-point rounding, so a token promised by `timeUntilAvailable` is
    /// really there at that instant.
    private static var epsilon: Double { 1e-9 }

    public let configuration: TokenBucketConfiguration
    private var tokens: Double
    private var lastRefill: Instant?

    public init(configuration: TokenBucketConfiguration) {
        self.configuration = configuration
        tokens = Double(max(configuration.burst, 1))
    }

    /// Tokens available at `now`, fractions included.
    public func available(now: Instant) -> Double {
        let capacity = Double(max(configuration.burst, 1))
        guard let lastRefill else { return tokens }
        // A clock that seems to go backwards adds nothing rather than taking tokens away.
        let elapsed = max(lastRefill.duration(to: now), .zero)
        return min(capacity, tokens + elapsed.inSeconds * max(configuration.ratePerSecond, 0))
    }

    /// Takes `count` tokens if they are there; `false` (taking nothing) otherwise.
    public mutating func tryTake(_ count: Int = 1, now: Instant) -> Bool {
        refill(now: now)
        guard tokens + Self.epsilon >= Double(count) else { return false }
        tokens = max(tokens - Double(count), 0)
        return true
    }

    /// How long until `count` tokens are available: `.zero` when they are now, `nil` when they
    /// never will be (more than the burst, or no rate).
    public func timeUntilAvailable(_ count: Int = 1, now: Instant) -> Duration? {
        let missing = Double(count) - available(now: now)
        if missing <= Self.epsilon { return .zero }
        guard count <= max(configuration.burst, 1), configuration.ratePerSecond > 0 else { return nil }
        // Rounded up to the nanosecond so the token is surely there when the wait is over.
        return .nanoseconds(Int64((missing / configuration.ratePerSecond * 1e9).rounded(.up)))
    }

    private mutating func refill(now: Instant) {
        tokens = available(now: now)
        if let lastRefill, now < lastRefill { return }
        lastRefill = now
    }
}
