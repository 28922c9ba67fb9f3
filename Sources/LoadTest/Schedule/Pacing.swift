/// What the sender does with the next arrival, given the time now.
///
/// A generator that is behind sends at once, in order, each request keeping its own intended
/// time: nothing is skipped and the schedule is never shifted, so a stall of the generator or of
/// the system under test shows up in the latencies instead of being hidden (coordinated omission).
public enum Pacing: Sendable, Equatable {
    /// Too early: sleep this many seconds, then send.
    case wait(seconds: Double)
    /// On time or late: send now; `lateSeconds` is how far behind its intended time the send is.
    case sendNow(lateSeconds: Double)

    /// The decision for an arrival intended at `intendedSeconds` when the clock reads `nowSeconds`
    /// (both from the start of the run).
    public static func decide(intendedSeconds: Double, nowSeconds: Double) -> Pacing {
        intendedSeconds > nowSeconds ? .wait(seconds: intendedSeconds - nowSeconds) : .sendNow(lateSeconds: nowSeconds - intendedSeconds)
    }
}

/// The latency of a request in an open model: from its intended send time to its completion,
/// so time spent waiting for the generator or for a free slot counts.
public enum OpenModelLatency {
    /// Microseconds from `intendedSeconds` to `completedSeconds` (both from the start of the run).
    public static func microseconds(intendedSeconds: Double, completedSeconds: Double) -> UInt64 {
        let seconds = completedSeconds - intendedSeconds
        return seconds > 0 ? UInt64((seconds * 1_000_000).rounded()) : 0
    }
}
