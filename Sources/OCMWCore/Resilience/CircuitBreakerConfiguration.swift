/// When a tenant's circuit opens and how it recovers.
public struct CircuitBreakerConfiguration: Sendable, Equatable {
    /// Open when at least this share of the window's calls failed (0 < x ≤ 1).
    public var failureRateThreshold: Double
    /// Open when at least this share of the window's calls were slow (0 < x ≤ 1).
    public var slowCallRateThreshold: Double
    /// A call lasting at least this long is slow, even if it succeeded.
    public var slowCallDuration: Duration
    /// No verdict on fewer calls than this in the window: two failures of three are not a trend.
    public var minimumCalls: Int
    /// How far back the rolling window looks.
    public var windowDuration: Duration
    /// Time slices of the window; calls age out one slice at a time.
    public var bucketCount: Int
    /// How long an open circuit rejects before it lets trial calls through.
    public var openDuration: Duration
    /// Trial calls admitted while half-open; all must succeed to close.
    public var halfOpenTrialCalls: Int

    public init(
        failureRateThreshold: Double = 0.5, slowCallRateThreshold: Double = 0.8,
        slowCallDuration: Duration, minimumCalls: Int = 20, windowDuration: Duration = .seconds(10),
        bucketCount: Int = 10, openDuration: Duration = .seconds(5), halfOpenTrialCalls: Int = 3
    ) {
        self.failureRateThreshold = failureRateThreshold
        self.slowCallRateThreshold = slowCallRateThreshold
        self.slowCallDuration = slowCallDuration
        self.minimumCalls = minimumCalls
        self.windowDuration = windowDuration
        self.bucketCount = bucketCount
        self.openDuration = openDuration
        self.halfOpenTrialCalls = halfOpenTrialCalls
    }
}

/// Where a circuit stands.
public enum CircuitState: String, Sendable, Equatable, CaseIterable {
    /// Calls flow; outcomes feed the rolling window.
    case closed
    /// Calls are rejected at once, until `openDuration` has passed.
    case open
    /// A few trial calls decide between closing and opening again.
    case halfOpen
}

/// How a permitted call ended, as the caller judges it.
public enum CallOutcome: String, Sendable, Equatable {
    /// The backend did its job (including a 404 "unknown citizen": that is an answer).
    case success
    /// Timeout, connection error, 5xx, garbage: the backend's fault.
    case failure
    /// Neither: the caller gave up, or our own request was bad (4xx). Frees a trial slot.
    case ignored
}

/// Counts of the calls in a circuit's rolling window.
public struct CircuitWindowCounts: Sendable, Equatable {
    public var calls = 0
    public var failures = 0
    public var slowCalls = 0

    public init(calls: Int = 0, failures: Int = 0, slowCalls: Int = 0) {
        self.calls = calls
        self.failures = failures
        self.slowCalls = slowCalls
    }

    /// Share of failed calls; 0 for an empty window.
    public var failureRate: Double { calls == 0 ? 0 : Double(failures) / Double(calls) }
    /// Share of slow calls; 0 for an empty window.
    public var slowCallRate: Double { calls == 0 ? 0 : Double(slowCalls) / Double(calls) }
}
