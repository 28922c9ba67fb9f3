/// Why a scenario file cannot be used: every problem found, one line each.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, e.g. `phases[1].rate: must be greater than 0`.
    public let problems: [String]

    /// An error with these problems.
    public init(_ problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "\n") }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return (prefix.isEmpty ? "" : prefix + ".") + "\(key.stringValue): is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let location = path(context)
            return location.isEmpty ? "not JSON: \(context.debugDescription)" : "\(location): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension Scenario {
    /// Checks what decoding cannot: positive rates and durations, a mix with weight, sane limits,
    /// actions inside the run.
    /// - Throws: `ScenarioError` naming every problem at once.
    public func validate() throws(ScenarioError) {
        var problems: [String] = []
        if name.isEmpty { problems.append("name: must not be empty") }
        if phases.isEmpty { problems.append("phases: at least one phase is needed") }
        for (index, phase) in phases.enumerated() {
            if !(phase.rate > 0 && phase.rate <= 100_000) { problems.append("phases[\(index)].rate: must be in (0, 100000]") }
            if !(phase.durationSeconds > 0) { problems.append("phases[\(index)].durationSeconds: must be greater than 0") }
            if !(phase.settleSeconds >= 0 && phase.settleSeconds < phase.durationSeconds) {
                problems.append("phases[\(index)].settleSeconds: must be at least 0 and shorter than the phase")
            }
        }
        if !(warmupSeconds >= 0) { problems.append("warmupSeconds: must be at least 0") }
        if mix.isEmpty || mix.values.reduce(0, +) <= 0 { problems.append("mix: at least one endpoint needs a positive weight") }
        for (endpoint, weight) in mix.sorted(by: { $0.key < $1.key }) where !(weight >= 0) {
            problems.append("mix.\(endpoint.rawValue): a weight must be at least 0")
        }
        if maxOutstanding < 1 { problems.append("maxOutstanding: must be at least 1") }
        if timeoutMs < 1 { problems.append("timeoutMs: must be at least 1") }
        if citizens < 0 { problems.append("citizens: must be at least 0") }
        if tenants.file != nil && tenants.generate != nil { problems.append("tenants: give either file or generate") }
        if let count = tenants.generate, !(1...999).contains(count) { problems.append("tenants.generate: must be 1…999") }
        for (index, action) in actions.enumerated() {
            if !(action.atSeconds >= 0 && action.atSeconds <= runSeconds) {
                problems.append("actions[\(index)].at: must be within the run (0…\(runSeconds) s)")
            }
            if let every = action.everySeconds, !(every > 0) { problems.append("actions[\(index)].every: must be greater than 0") }
        }
        if !problems.isEmpty { throw ScenarioError(problems) }
    }
}
