import Foundation

/// A load test: where the tenants come from, the rate steps, the traffic mix and the actions.
///
/// Read from `loadtest/scenarios/*.json`; `Scenario(jsonData:)` decodes and validates in one go,
/// so a scenario that is used is always a valid one.
public struct Scenario: Codable, Sendable, Equatable {
    /// One step of constant arrival rate.
    public struct Phase: Codable, Sendable, Equatable {
        /// Shown in the report, e.g. `200/s`.
        public var name: String
        /// Requests per second, sent at fixed intervals (1/rate).
        public var rate: Double
        /// Length of the step.
        public var durationSeconds: Double
        /// The first seconds of the step are sent but not recorded, so the step's figures do
        /// not carry the previous step's queue.
        public var settleSeconds: Double

        /// A phase of `rate` requests per second for `durationSeconds`.
        public init(name: String, rate: Double, durationSeconds: Double, settleSeconds: Double = 0) {
            self.name = name
            self.rate = rate
            self.durationSeconds = durationSeconds
            self.settleSeconds = settleSeconds
        }

        private enum CodingKeys: String, CodingKey { case name, rate, durationSeconds, settleSeconds }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rate = try container.decode(Double.self, forKey: .rate)
            durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
            settleSeconds = try container.decodeIfPresent(Double.self, forKey: .settleSeconds) ?? 0
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? "\(Self.format(rate))/s"
        }

        static func format(_ rate: Double) -> String {
            rate == rate.rounded() ? String(Int(rate)) : String(rate)
        }
    }

    /// Where the tenants (and with them the simulated OCMWs and their citizens) come from.
    public struct Tenants: Codable, Sendable, Equatable {
        /// A tenants file, relative to the working directory (default `tenants.json`).
        public var file: String?
        /// Instead of a file: this many tenants written by `scripts/gen-tenants`.
        public var generate: Int?

        /// The shipped `tenants.json`.
        public init(file: String? = nil, generate: Int? = nil) {
            self.file = file
            self.generate = generate
        }
    }

    /// Shown in the report.
    public var name: String
    /// What the scenario shows, in one or two sentences.
    public var description: String
    /// Tenants of the run; the demo started by the harness uses them too.
    public var tenants: Tenants
    /// Seed of the simulated dataset (the demo's `--seed`).
    public var seed: UInt64
    /// Generated citizens besides the demo citizens (the demo's `--citizens`).
    public var citizens: Int
    /// Sent at the first phase's rate before the phases, and not recorded.
    public var warmupSeconds: Double
    /// The rate steps, one after the other.
    public var phases: [Phase]
    /// Relative weights of the endpoints; endpoints not named are not called.
    public var mix: [Endpoint: Double]
    /// Requests in flight at most; beyond it sends wait, and their wait counts in their latency.
    public var maxOutstanding: Int
    /// Time allowed for one request; past it the request counts as a timeout.
    public var timeoutMs: Int
    /// A send that starts later than this after its intended time means the generator fell behind.
    public var lateWarningMs: Double
    /// Fault injection, reloads and onboarding during the run.
    public var actions: [ScenarioAction]
    /// Only citizens whose every record is at one of these tenants (a surge of one OCMW's
    /// citizens); nil: every citizen of the dataset.
    public var citizensOf: [String]?

    /// Seconds from the start to the end of the last phase.
    public var runSeconds: Double { warmupSeconds + phases.reduce(0) { $0 + $1.durationSeconds } }

    /// A scenario; call `validate()` before using one built in code.
    public init(
        name: String, description: String = "", tenants: Tenants = .init(), seed: UInt64 = 42, citizens: Int = 1_000,
        warmupSeconds: Double = 0, phases: [Phase], mix: [Endpoint: Double], maxOutstanding: Int = 256,
        timeoutMs: Int = 10_000, lateWarningMs: Double = 50, actions: [ScenarioAction] = []
    ) {
        self.name = name
        self.description = description
        self.tenants = tenants
        self.seed = seed
        self.citizens = citizens
        self.warmupSeconds = warmupSeconds
        self.phases = phases
        self.mix = mix
        self.maxOutstanding = maxOutstanding
        self.timeoutMs = timeoutMs
        self.lateWarningMs = lateWarningMs
        self.actions = actions
    }

    /// Decodes and validates a scenario file's bytes.
    /// - Throws: `ScenarioError` naming every problem at once.
    public init(jsonData: Data) throws(ScenarioError) {
        do {
            self = try JSONDecoder().decode(Scenario.self, from: jsonData)
        } catch let error as DecodingError {
            throw ScenarioError([ScenarioError.describe(error)])
        } catch {
            throw ScenarioError(["\(error)"])
        }
        try validate()
    }

    private enum CodingKeys: String, CodingKey {
        case name, description, tenants, seed, citizens, warmupSeconds, phases, mix, maxOutstanding, timeoutMs
        case lateWarningMs, actions, citizensOf
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        tenants = try container.decodeIfPresent(Tenants.self, forKey: .tenants) ?? .init()
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 42
        citizens = try container.decodeIfPresent(Int.self, forKey: .citizens) ?? 1_000
        warmupSeconds = try container.decodeIfPresent(Double.self, forKey: .warmupSeconds) ?? 0
        phases = try container.decode([Phase].self, forKey: .phases)
        let weights = try container.decode([String: Double].self, forKey: .mix)
        var mix: [Endpoint: Double] = [:]
        for (key, weight) in weights {
            guard let endpoint = Endpoint(rawValue: key) else {
                let known = Endpoint.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: .mix, in: container,
                    debugDescription: "unknown endpoint \(key) (known: \(known))")
            }
            mix[endpoint] = weight
        }
        self.mix = mix
        maxOutstanding = try container.decodeIfPresent(Int.self, forKey: .maxOutstanding) ?? 256
        timeoutMs = try container.decodeIfPresent(Int.self, forKey: .timeoutMs) ?? 10_000
        lateWarningMs = try container.decodeIfPresent(Double.self, forKey: .lateWarningMs) ?? 50
        actions = try container.decodeIfPresent([ScenarioAction].self, forKey: .actions) ?? []
        citizensOf = try container.decodeIfPresent([String].self, forKey: .citizensOf)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(tenants, forKey: .tenants)
        try container.encode(seed, forKey: .seed)
        try container.encode(citizens, forKey: .citizens)
        try container.encode(warmupSeconds, forKey: .warmupSeconds)
        try container.encode(phases, forKey: .phases)
        try container.encode(Dictionary(uniqueKeysWithValues: mix.map { ($0.key.rawValue, $0.value) }), forKey: .mix)
        try container.encodeIfPresent(citizensOf, forKey: .citizensOf)
        try container.encode(maxOutstanding, forKey: .maxOutstanding)
        try container.encode(timeoutMs, forKey: .timeoutMs)
        try container.encode(lateWarningMs, forKey: .lateWarningMs)
        try container.encode(actions, forKey: .actions)
    }
}
