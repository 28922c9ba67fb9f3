/// The outcome of `ocmw-proxy tenants check`: one line per check, in the order they ran.
///
/// A plain value, so the command can print it as text or JSON and tests can read either. It never
/// holds an INSZ or a credential: paths are shown with `{insz}`, secrets only as "set"/"not set".
struct TenantCheckReport: Sendable, Encodable {
    /// How one check ended.
    enum Outcome: String, Sendable, Encodable {
        /// The check passed (`✔`).
        case passed
        /// The check failed: the tenant is not ready (`✘`, exit status 1).
        case failed
        /// Worth a look, but not a reason to hold the tenant back (`⚠`).
        case warning
        /// Not run: not applicable, or an earlier check already failed (`–`).
        case skipped

        /// The mark printed in front of the line.
        var mark: String {
            switch self {
            case .passed: "✔"
            case .failed: "✘"
            case .warning: "⚠"
            case .skipped: "–"
            }
        }
    }

    /// The `reason` of a check that failed because the backend is not there to answer: no
    /// connection, no answer in time, or a 5xx. The command then exits 69 (unavailable), not 1.
    static let backendUnavailable = "backendUnavailable"

    /// Whether a failed check says the backend is unavailable (rather than misconfigured).
    var backendUnavailable: Bool {
        checks.contains { $0.outcome == .failed && $0.reason == Self.backendUnavailable }
    }

    /// One check's line, with optional structured values for `--json` readers.
    struct Check: Sendable, Encodable {
        /// Stable name: `configuration`, `credentials`, `reachable`, `tls`, `dialect`,
        /// `part.<name>` (e.g. `part.debts`), `parts`, `latency`.
        var name: String
        var outcome: Outcome
        /// One line saying what was found.
        var summary: String
        /// Further lines (limits, curl's detail, a hint what to fix).
        var details: [String] = []
        /// Parts: records the normaliser produced.
        var records: Int?
        /// Parts: the normaliser's stable rejection reason (e.g. `invalidAmount`); reachable and
        /// dialect: `backendUnavailable` when the backend is not there to answer.
        var reason: String?
        /// Parts: the JSON path of the rejected field, when there is one.
        var field: String?
        /// Latency: the samples' statistics.
        var latency: LatencySummary?

        private enum CodingKeys: String, CodingKey { case name, outcome, summary, details, records, reason, field, latency }

        /// Leaves out what a check does not have (no empty `details`, no `null`s).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(summary, forKey: .summary)
            if !details.isEmpty { try container.encode(details, forKey: .details) }
            try container.encodeIfPresent(records, forKey: .records)
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encodeIfPresent(field, forKey: .field)
            try container.encodeIfPresent(latency, forKey: .latency)
        }
    }

    /// Milliseconds of the sequential probe calls that answered.
    struct LatencySummary: Sendable, Encodable {
        var samples: Int
        var minMs: Double
        var medianMs: Double
        var maxMs: Double
    }

    /// The tenant id as asked for.
    var tenant: String
    /// The tenant's display name; `nil` when the tenants file did not load.
    var name: String?
    /// The tenant's state (`active`, `onboarding`, `suspended`); `nil` when the file did not load.
    var state: String?
    var checks: [Check]

    /// True when no check failed (warnings and skipped checks do not count against it).
    var passed: Bool { !checks.contains { $0.outcome == .failed } }

    private enum CodingKeys: String, CodingKey { case tenant, name, state, passed, checks }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenant, forKey: .tenant)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encode(passed, forKey: .passed)
        try container.encode(checks, forKey: .checks)
    }
}
