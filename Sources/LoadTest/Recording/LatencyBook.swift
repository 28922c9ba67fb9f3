import OCMWCore

/// Everything recorded during a run: tallies overall, per tenant, per endpoint and per schedule
/// segment, per-second latencies per tenant (for the charts), and how punctual the sender was.
///
/// A value type with no I/O: the runner keeps it behind a lock and feeds it samples.
public struct LatencyBook: Sendable {
    /// How punctual the sends of one segment were, and how many there were.
    public struct Sends: Sendable, Equatable {
        /// Sends of the segment, and the first and last moment one started.
        public var count = 0
        public var firstSentSeconds = Double.infinity
        public var lastSentSeconds = -Double.infinity
        /// The latest any send started after its intended time.
        public var maxLateSeconds = 0.0
        /// Sends that started later than the scenario's `lateWarningMs`.
        public var lateCount = 0
    }

    /// All measured requests.
    public private(set) var overall = Tally()
    /// Per tenant (a request counts under each tenant of its citizen), per endpoint, per segment.
    public private(set) var tenants: [TenantID: Tally] = [:]
    public private(set) var endpoints: [Endpoint: Tally] = [:]
    public private(set) var segments: [Int: Tally] = [:]
    /// Per segment: how many sends and how punctual.
    public private(set) var sends: [Int: Sends] = [:]
    /// Gaps of partial answers, by `tenant/part/status`.
    public private(set) var gaps: [String: Int] = [:]
    /// Requests of the warm-up and of settle times: finished, not recorded.
    public private(set) var unmeasured = 0
    /// Per tenant, per second of the run (by intended send time): latencies in microseconds.
    public private(set) var timeline: [TenantID: [Int: [UInt32]]] = [:]
    /// The same over all requests.
    public private(set) var overallTimeline: [Int: [UInt32]] = [:]

    /// Sends later than this count as late.
    public let lateWarningSeconds: Double

    public init(lateWarningSeconds: Double) { self.lateWarningSeconds = lateWarningSeconds }

    /// Records a finished request under overall, each of its tenants, its endpoint and its segment.
    public mutating func record(_ sample: Sample) {
        guard sample.measured else {
            unmeasured += 1
            return
        }
        let latency = sample.latencyMicroseconds
        overall.record(microseconds: latency, outcome: sample.outcome)
        for tenant in Set(sample.tenants) { tenants[tenant, default: Tally()].record(microseconds: latency, outcome: sample.outcome) }
        endpoints[sample.endpoint, default: Tally()].record(microseconds: latency, outcome: sample.outcome)
        segments[sample.segment, default: Tally()].record(microseconds: latency, outcome: sample.outcome)
        for gap in sample.gaps { gaps[gap, default: 0] += 1 }

        let late = max(0, sample.sentSeconds - sample.intendedSeconds)
        var punctuality = sends[sample.segment, default: Sends()]
        punctuality.count += 1
        punctuality.firstSentSeconds = min(punctuality.firstSentSeconds, sample.sentSeconds)
        punctuality.lastSentSeconds = max(punctuality.lastSentSeconds, sample.sentSeconds)
        punctuality.maxLateSeconds = max(punctuality.maxLateSeconds, late)
        if late > lateWarningSeconds { punctuality.lateCount += 1 }
        sends[sample.segment] = punctuality

        let second = Int(sample.intendedSeconds.rounded(.down))
        let compact = UInt32(min(latency, UInt64(UInt32.max)))
        for tenant in Set(sample.tenants) { timeline[tenant, default: [:]][second, default: []].append(compact) }
        overallTimeline[second, default: []].append(compact)
    }

    /// The p50 and p99 (milliseconds) of each second of a per-second series, in time order.
    public static func percentilesPerSecond(_ series: [Int: [UInt32]]) -> [(second: Int, p50: Double, p99: Double, count: Int)] {
        series.keys.sorted().compactMap { second in
            guard let values = series[second], !values.isEmpty else { return nil }
            let sorted = values.sorted()
            func at(_ fraction: Double) -> Double {
                // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
                let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
                return Double(sorted[min(rank, sorted.count) - 1]) / 1_000
            }
            return (second, at(0.50), at(0.99), sorted.count)
        }
    }
}
