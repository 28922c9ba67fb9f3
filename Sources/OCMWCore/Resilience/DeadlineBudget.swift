/// The timeouts to give one backend call: the tenant's limits, clamped to what is left of the
/// caller's deadline, so no backend call ever outlives the request it serves.
///
/// Both values are whole milliseconds, rounded down, and at least 1 ms: curl reads a timeout of 0
/// as "no timeout at all", so a budget under 1 ms is reported as exhausted instead.
public struct DeadlineBudget: Sendable, Equatable {
    /// The whole transfer's timeout.
    public let totalTimeout: Duration
    /// The connection phase's timeout; never above `totalTimeout`.
    public let connectTimeout: Duration

    /// The timeouts for a call starting `now`, or `nil` when the caller's deadline leaves less
    /// than 1 ms (the call must not be made).
    /// - Parameters:
    ///   - totalTimeout: The tenant's total timeout.
    ///   - connectTimeout: The tenant's connect timeout.
    ///   - deadline: When the caller stops waiting; `nil` when it has no deadline of its own.
    public init?<Instant: InstantProtocol>(
        totalTimeout: Duration, connectTimeout: Duration,
        deadline: Instant?, now: Instant
    ) where Instant.Duration == Duration {
        let remaining = deadline.map { now.duration(to: $0) } ?? totalTimeout
        let total = Self.wholeMilliseconds(min(totalTimeout, remaining))
        let connect = Self.wholeMilliseconds(min(connectTimeout, total))
        guard total >= .milliseconds(1), connect >= .milliseconds(1) else { return nil }
        self.totalTimeout = total
        self.connectTimeout = connect
    }

    /// `totalTimeout` in milliseconds, for `CURLOPT_TIMEOUT_MS`.
    public var totalTimeoutMs: Int { Int(totalTimeout.wholeMilliseconds) }
    /// `connectTimeout` in milliseconds, for `CURLOPT_CONNECTTIMEOUT_MS`.
    public var connectTimeoutMs: Int { Int(connectTimeout.wholeMilliseconds) }

    private static func wholeMilliseconds(_ duration: Duration) -> Duration {
        .milliseconds(duration.wholeMilliseconds)
    }
}
