/// The intended send times of a run: constant arrival rate per phase, one request every 1/rate
/// seconds, whatever the system under test does (an open model).
///
/// Pure: offsets are from the start of the run, so the schedule is tested without a clock.
public struct ArrivalSchedule: Sequence, Sendable {
    /// One scheduled request.
    public struct Arrival: Sendable, Equatable {
        /// Position in the whole run, from 0.
        public var index: Int
        /// When it should be sent, in seconds from the start of the run.
        public var offsetSeconds: Double
        /// Index into `segments`.
        public var segment: Int
        /// `false` during the warm-up and a phase's settle time: sent, but not recorded.
        public var measured: Bool
    }

    /// A stretch of constant rate: the warm-up, or one phase of the scenario.
    public struct Segment: Sendable, Equatable {
        /// `warm-up` or the phase's name.
        public var name: String
        /// Requests per second.
        public var rate: Double
        /// Start, in seconds from the start of the run.
        public var startSeconds: Double
        /// Length in seconds.
        public var durationSeconds: Double
        /// Arrivals before `startSeconds + settleSeconds` are not recorded.
        public var settleSeconds: Double
        /// Whether any of it is recorded (the warm-up is not).
        public var isMeasured: Bool
        /// Index of the scenario phase; `nil` for the warm-up.
        public var phase: Int?

        /// How many requests the segment sends: rate × duration, rounded.
        public var count: Int { Int((rate * durationSeconds).rounded()) }
        /// End, in seconds from the start of the run.
        public var endSeconds: Double { startSeconds + durationSeconds }
    }

    /// The warm-up (if any) followed by the phases.
    public let segments: [Segment]

    /// The schedule of a (valid) scenario.
    public init(_ scenario: Scenario) {
        var segments: [Segment] = []
        var start = 0.0
        if scenario.warmupSeconds > 0, let first = scenario.phases.first {
            segments.append(
                Segment(
                    name: "warm-up", rate: first.rate, startSeconds: 0, durationSeconds: scenario.warmupSeconds,
                    settleSeconds: 0, isMeasured: false, phase: nil))
            start = scenario.warmupSeconds
        }
        for (index, phase) in scenario.phases.enumerated() {
            segments.append(
                Segment(
                    name: phase.name, rate: phase.rate, startSeconds: start, durationSeconds: phase.durationSeconds,
                    settleSeconds: phase.settleSeconds, isMeasured: true, phase: index))
            start += phase.durationSeconds
        }
        self.segments = segments
    }

    /// Requests in the whole run, warm-up included.
    public var totalCount: Int { segments.reduce(0) { $0 + $1.count } }
    /// Requests that are recorded.
    public var measuredCount: Int { reduce(0) { $0 + ($1.measured ? 1 : 0) } }

    public func makeIterator() -> Iterator { Iterator(segments: segments) }

    /// Walks the segments in order; within one, arrival k is at start + k / rate.
    public struct Iterator: IteratorProtocol, Sendable {
        let segments: [Segment]
        var segment = 0
        var inSegment = 0
        var index = 0

        public mutating func next() -> Arrival? {
            while segment < segments.count, inSegment >= segments[segment].count {
                segment += 1
                inSegment = 0
            }
            guard segment < segments.count else { return nil }
            let current = segments[segment]
            // Multiplying (not adding 1/rate each time) keeps rounding errors from piling up.
            let offset = current.startSeconds + Double(inSegment) / current.rate
            let arrival = Arrival(
                index: index, offsetSeconds: offset, segment: segment,
                measured: current.isMeasured && offset >= current.startSeconds + current.settleSeconds)
            inSegment += 1
            index += 1
            return arrival
        }
    }
}
