import Histogram

/// Latencies (an HdrHistogram, microseconds, 3 significant digits) and outcome counts of one
/// group of requests: all, one tenant, one endpoint or one phase.
public struct Tally: Sendable {
    /// Up to ten minutes; a longer latency is recorded as ten minutes.
    public static let highestMicroseconds: UInt64 = 600_000_000

    /// Every latency recorded, in microseconds.
    public private(set) var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: Tally.highestMicroseconds,
        numberOfSignificantValueDigits: .three)
    /// How many requests ended in each class.
    public private(set) var outcomes: [Outcome: Int] = [:]
    /// The latencies of each class apart: a refused request's few milliseconds must not hide an
    /// admitted one's wait, nor the other way round.
    public private(set) var histogramsByOutcome: [Outcome: Histogram<UInt64>] = [:]

    /// An empty tally.
    public init() {}

    /// Requests recorded.
    public var count: Int { Int(histogram.totalCount) }
    /// Requests whose outcome is not `ok`.
    public var errors: Int { outcomes.filter { $0.key.isError }.reduce(0) { $0 + $1.value } }

    /// Records one request: its latency whatever the outcome (a timeout is what the caller waited).
    public mutating func record(microseconds: UInt64, outcome: Outcome) {
        let value = min(max(microseconds, 1), Self.highestMicroseconds)
        _ = histogram.record(value)
        outcomes[outcome, default: 0] += 1
        _ = histogramsByOutcome[outcome, default: Self.emptyHistogram()].record(value)
    }

    private static func emptyHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: Tally.highestMicroseconds,
            numberOfSignificantValueDigits: .three)
    }

    /// Adds another tally's requests to this one.
    public mutating func add(_ other: Tally) {
        histogram.add(other.histogram)
        for (outcome, count) in other.outcomes { outcomes[outcome, default: 0] += count }
        for (outcome, other) in other.histogramsByOutcome {
            histogramsByOutcome[outcome, default: Self.emptyHistogram()].add(other)
        }
    }

    /// The latency at a percentile (0…100), in milliseconds; 0 when nothing was recorded.
    public func milliseconds(atPercentile percentile: Double) -> Double {
        count == 0 ? 0 : Double(histogram.valueAtPercentile(percentile)) / 1_000
    }

    /// The latency at a percentile of one outcome class's requests, in milliseconds; nil when
    /// none ended in it.
    public func milliseconds(atPercentile percentile: Double, of outcome: Outcome) -> Double? {
        guard let histogram = histogramsByOutcome[outcome], histogram.totalCount > 0 else { return nil }
        return Double(histogram.valueAtPercentile(percentile)) / 1_000
    }
}
