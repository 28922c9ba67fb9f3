import OCMWCore

/// The last calls of one tenant × part, for the status page: a fixed-size ring of samples,
/// summarised over the samples younger than a time window. Pure: the caller passes the clock's
/// readings, so tests need no sleeping.
///
/// Bounded on purpose (capacity samples, never more), so 300 tenants × 7 parts stay a few MiB
/// whatever the traffic; at high rates the window then covers the last `capacity` calls.
package struct RecentCallWindow<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    package struct Sample: Sendable {
        package let at: Instant
        package let duration: Duration
        package let failed: Bool
    }

    /// What the status page shows for one tenant × part.
    package struct Summary: Sendable, Equatable, Encodable {
        package var calls: Int
        package var failures: Int
        /// Median and 99th percentile of the durations, in milliseconds; nil without calls.
        package var p50Ms: Double?
        package var p99Ms: Double?

        package init(calls: Int, failures: Int, p50Ms: Double? = nil, p99Ms: Double? = nil) {
            self.calls = calls
            self.failures = failures
            self.p50Ms = p50Ms
            self.p99Ms = p99Ms
        }

        /// Failures per call, 0 without calls.
        package var errorRate: Double { calls == 0 ? 0 : Double(failures) / Double(calls) }
    }

    package let capacity: Int
    private var samples: [Sample] = []
    private var next = 0

    package init(capacity: Int = 256) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// A call finished.
    package mutating func record(at: Instant, duration: Duration, failed: Bool) {
        let sample = Sample(at: at, duration: duration, failed: failed)
        if samples.count < capacity {
            samples.append(sample)
        } else {
            samples[next] = sample
        }
        next = (next + 1) % capacity
    }

    /// The calls that finished within `window` before `now`.
    package func summary(now: Instant, window: Duration) -> Summary {
        let recent = samples.filter { $0.at.duration(to: now) <= window }
        guard !recent.isEmpty else { return Summary(calls: 0, failures: 0) }
        let sorted = recent.map { $0.duration.fractionalMilliseconds }.sorted()
        return Summary(
            calls: recent.count, failures: recent.count { $0.failed },
            p50Ms: Self.percentile(0.50, of: sorted), p99Ms: Self.percentile(0.99, of: sorted))
    }

    /// Nearest-rank percentile of an ascending, non-empty list.
    package static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
