/// How the concurrency limit adapts: bounds, the latency tolerance and the smoothing.
public struct GradientLimitConfiguration: Sendable, Equatable {
    /// The limit never goes below this (the proxy always serves at least this many at once).
    public var minLimit: Int
    /// The limit never goes above this.
    public var maxLimit: Int
    /// The limit before the first samples.
    public var initialLimit: Int
    /// How much slower than the minimum latency the current latency may be before the limit
    /// shrinks: 2.0 tolerates twice the minimum.
    public var tolerance: Double
    /// Weight of one adjustment in the new limit (0…1); small values change the limit slowly.
    public var smoothing: Double
    /// The minimum latency is measured afresh over windows this long, so that it follows the
    /// backends (a minimum from an idle hour ago would shrink the limit for ever).
    public var minLatencyWindow: Duration
    /// Weight of one sample in the current latency (an exponential moving average).
    public var sampleWeight: Double
    /// A minimum latency below this is taken as this: a few milliseconds of jitter over a
    /// sub-millisecond minimum is not overload.
    public var latencyFloor: Duration

    public init(
        minLimit: Int = 8, maxLimit: Int = 512, initialLimit: Int = 64, tolerance: Double = 2.0,
        smoothing: Double = 0.2, minLatencyWindow: Duration = .seconds(10), sampleWeight: Double = 0.1,
        latencyFloor: Duration = .milliseconds(5)
    ) {
        self.latencyFloor = max(.zero, latencyFloor)
        self.minLimit = max(1, minLimit)
        self.maxLimit = max(self.minLimit, maxLimit)
        self.initialLimit = min(max(initialLimit, self.minLimit), self.maxLimit)
        self.tolerance = max(1, tolerance)
        self.smoothing = min(max(smoothing, 0.01), 1)
        self.minLatencyWindow = minLatencyWindow
        self.sampleWeight = min(max(sampleWeight, 0.01), 1)
    }
}

/// An adaptive concurrency limit in the gradient style (Netflix concurrency-limits' `Gradient`,
/// Envoy's adaptive concurrency filter): the ratio of the minimum latency to the current latency
/// says whether more concurrency only queues work. Near the minimum the limit grows by a headroom
/// of √limit; as latency rises the gradient falls below 1 and the limit shrinks, down to half per
/// adjustment. Pure: every sample brings its own `now`.
public struct GradientLimit<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    public let configuration: GradientLimitConfiguration
    /// The limit in force (fractional inside; `limit` rounds it).
    private var estimate: Double
    /// The smallest latency of the current window, and of the previous one.
    private var windowMinimum: Duration?
    private var previousMinimum: Duration?
    private var windowStart: Instant?
    /// Exponential moving average of recent latencies, in seconds.
    private var current: Double?

    public init(configuration: GradientLimitConfiguration) {
        self.configuration = configuration
        estimate = Double(configuration.initialLimit)
    }

    /// The concurrency limit in force.
    public var limit: Int { Int(estimate.rounded(.down)) }

    /// The minimum latency the limit is judged against (over this window and the one before),
    /// if known.
    public var minimumLatency: Duration? {
        switch (windowMinimum, previousMinimum) {
        case (let current?, let previous?): min(current, previous)
        case (let current, let previous): current ?? previous
        }
    }

    /// A request finished after `latency` (its own service time, not its wait at the door) with
    /// `inFlight` requests running when it finished.
    public mutating func sampled(latency: Duration, inFlight: Int, now: Instant) {
        if let start = windowStart, start.duration(to: now) < configuration.minLatencyWindow {
            windowMinimum = min(windowMinimum ?? latency, latency)
        } else {
            previousMinimum = windowMinimum ?? previousMinimum
            windowMinimum = latency
            windowStart = now
        }
        let seconds = Self.seconds(latency)
        current = current.map { $0 + configuration.sampleWeight * (seconds - $0) } ?? seconds
        guard let current, let measured = minimumLatency, current > 0 else { return }
        let minimum = Self.seconds(max(measured, configuration.latencyFloor))
        // The limit only grows while it is being used: an idle proxy proves nothing about more.
        let used = Double(inFlight) >= estimate / 2
        let gradient = min(1, max(0.5, configuration.tolerance * minimum / current))
        var proposed = estimate * gradient
        if gradient >= 1 {
            guard used else { return }
            proposed += estimate.squareRoot()
        }
        let smoothed = estimate + configuration.smoothing * (proposed - estimate)
        estimate = min(max(smoothed, Double(configuration.minLimit)), Double(configuration.maxLimit))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
