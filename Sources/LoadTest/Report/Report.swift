import OCMWCore

/// The result of a run, as written to `report.json` and summarised on stdout.
public struct Report: Codable, Sendable {
    /// Latency percentiles (milliseconds, from the intended send time) and outcomes of a group.
    public struct Stats: Codable, Sendable, Equatable {
        /// Requests recorded.
        public var count: Int
        /// Requests in any class but `ok`.
        public var errors: Int
        /// Count per outcome class (`ok`, `partial`, `4xx`, `5xx`, `timeout`, `connect`, `transport`).
        public var outcomes: [String: Int]
        /// Latency percentiles and extremes, in milliseconds.
        public var p50Ms: Double
        public var p90Ms: Double
        public var p99Ms: Double
        public var p999Ms: Double
        public var p9999Ms: Double
        public var maxMs: Double
        public var meanMs: Double
        /// p99 of each outcome class apart (`ok`, `partial`, `5xx`, …), in milliseconds; absent in
        /// reports written before it existed.
        public var p99ByOutcomeMs: [String: Double]?

        init(_ tally: Tally) {
            count = tally.count
            errors = tally.errors
            outcomes = Dictionary(uniqueKeysWithValues: tally.outcomes.map { ($0.key.rawValue, $0.value) })
            p50Ms = tally.milliseconds(atPercentile: 50)
            p90Ms = tally.milliseconds(atPercentile: 90)
            p99Ms = tally.milliseconds(atPercentile: 99)
            p999Ms = tally.milliseconds(atPercentile: 99.9)
            p9999Ms = tally.milliseconds(atPercentile: 99.99)
            maxMs = tally.count == 0 ? 0 : Double(tally.histogram.max) / 1_000
            meanMs = tally.count == 0 ? 0 : tally.histogram.mean / 1_000
            p99ByOutcomeMs = Dictionary(
                uniqueKeysWithValues: tally.outcomes.keys.compactMap { outcome in
                    tally.milliseconds(atPercentile: 99, of: outcome).map { (outcome.rawValue, $0) }
                })
        }
    }

    /// One rate step: what was asked, what was done, how it went.
    public struct Phase: Codable, Sendable, Equatable {
        /// The phase's name and its target rate (requests per second).
        public var name: String
        public var targetRate: Double
        /// When the phase starts, in seconds from the start of the run.
        public var startSeconds: Double
        /// Sends of the step over the time they took (below the target when the sender fell behind).
        public var achievedRate: Double
        /// The latest a send of the step started after its intended time.
        public var maxLateMs: Double
        /// Sends later than the scenario's `lateWarningMs`.
        public var lateSends: Int
        /// Latencies and outcomes of the phase's measured requests.
        public var stats: Stats
    }

    /// An action of the scenario as it was carried out.
    public struct Action: Codable, Sendable, Equatable {
        /// Its moment (seconds from the start) and what it did.
        public var atSeconds: Double
        public var label: String
        /// `ok`, or what went wrong.
        public var result: String

        /// An action as carried out.
        public init(atSeconds: Double, label: String, result: String) {
            self.atSeconds = atSeconds
            self.label = label
            self.result = result
        }
    }

    /// One second of a latency series.
    public struct Point: Codable, Sendable, Equatable {
        /// The second of the run (by intended send time) and its requests.
        public var second: Int
        public var count: Int
        /// Percentiles of that second, in milliseconds.
        public var p50Ms: Double
        public var p99Ms: Double
    }

    /// The scenario's name, when it started (ISO 8601) and the proxy it ran against.
    public var scenario: String
    public var startedAt: String
    public var proxy: String
    /// Warm-up and phases, in seconds.
    public var runSeconds: Double
    /// Requests of the warm-up and settle times: sent, not recorded.
    public var unmeasuredRequests: Int
    /// All measured requests.
    public var overall: Stats
    /// Each rate step.
    public var phases: [Phase]
    /// Per tenant id, and per endpoint name.
    public var tenants: [String: Stats]
    public var endpoints: [String: Stats]
    /// The scenario's actions as carried out.
    public var actions: [Action]
    /// Per tenant (and `all`), p50/p99 of each second of the run.
    public var timeline: [String: [Point]]
    /// Gaps of the partial answers, by `tenant/part/status` (e.g. `bonheiden/debts/timeout`).
    public var gaps: [String: Int]
    /// The generator fell behind, or something else makes the figures doubtful.
    public var warnings: [String]

    /// The report of a finished run.
    public init(
        scenario: Scenario, schedule: ArrivalSchedule, book: LatencyBook, actions: [Action], proxy: String,
        startedAt: String
    ) {
        self.scenario = scenario.name
        self.startedAt = startedAt
        self.proxy = proxy
        self.runSeconds = scenario.runSeconds
        self.unmeasuredRequests = book.unmeasured
        self.overall = Stats(book.overall)
        self.tenants = Dictionary(uniqueKeysWithValues: book.tenants.map { ($0.key.rawValue, Stats($0.value)) })
        self.endpoints = Dictionary(uniqueKeysWithValues: book.endpoints.map { ($0.key.rawValue, Stats($0.value)) })
        self.actions = actions
        self.gaps = book.gaps
        var phases: [Phase] = []
        var warnings: [String] = []
        for (index, segment) in schedule.segments.enumerated() where segment.isMeasured {
            let sends = book.sends[index] ?? LatencyBook.Sends()
            let span = sends.count > 0 ? sends.lastSentSeconds - sends.firstSentSeconds + 1 / segment.rate : 0
            let achieved = span > 0 ? Double(sends.count) / span : 0
            let phase = Phase(
                name: segment.name, targetRate: segment.rate, startSeconds: segment.startSeconds, achievedRate: achieved,
                maxLateMs: sends.maxLateSeconds * 1_000,
                lateSends: sends.lateCount, stats: Stats(book.segments[index] ?? Tally()))
            phases.append(phase)
            if phase.lateSends > 0 {
                warnings.append(
                    "phase \(phase.name): \(phase.lateSends) sends started more than \(Self.format(book.lateWarningSeconds * 1_000)) ms late "
                        + "(worst \(Self.format(phase.maxLateMs)) ms): the generator fell behind; their wait is in the latencies")
            }
            if sends.count > 1, achieved < 0.95 * segment.rate {
                warnings.append("phase \(phase.name): achieved \(Self.format(achieved))/s of the target \(Self.format(segment.rate))/s")
            }
        }
        if book.overall.count == 0 { warnings.append("no request was recorded") }
        self.phases = phases
        self.warnings = warnings
        var timeline: [String: [Point]] = ["all": Self.points(book.overallTimeline)]
        for (tenant, series) in book.timeline { timeline[tenant.rawValue] = Self.points(series) }
        self.timeline = timeline
    }

    /// Whether any request ended in another class than `ok`.
    public var hasErrors: Bool { overall.errors > 0 }

    static func points(_ series: [Int: [UInt32]]) -> [Point] {
        LatencyBook.percentilesPerSecond(series).map { Point(second: $0.second, count: $0.count, p50Ms: $0.p50, p99Ms: $0.p99) }
    }

    /// A figure for people: whole numbers from 100 up, else at most two decimals.
    public static func format(_ value: Double) -> String {
        if value >= 100 { return String(Int(value.rounded())) }
        let text = String((value * 100).rounded() / 100)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
