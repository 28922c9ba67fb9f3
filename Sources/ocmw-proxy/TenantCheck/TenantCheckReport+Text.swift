import Foundation

extension TenantCheckReport {
    /// The report as operators read it: a title, one line per check with its mark, details
    /// indented below, and a closing verdict.
    var text: String {
        let width = max(checks.map { Self.label($0.name).count }.max() ?? 0, 12)
        var lines = ["Checking tenant \(tenant)" + (name.map { " (\($0))" } ?? "")]
        for check in checks {
            let label = Self.label(check.name)
            let padding = String(repeating: " ", count: width - label.count)
            lines.append("\(check.outcome.mark) \(label)\(padding)  \(check.summary)")
            let indent = String(repeating: " ", count: width + 4)
            lines += check.details.map { indent + $0 }
        }
        let failed = checks.filter { $0.outcome == .failed }.count
        let warnings = checks.filter { $0.outcome == .warning }.count
        let warned = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        lines.append(
            failed == 0
                ? "Result: every check passed\(warned)."
                : "Result: \(failed) check\(failed == 1 ? "" : "s") failed\(warned).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `part.debts` is shown as `part debts`.
    private static func label(_ name: String) -> String {
        name.replacingOccurrences(of: ".", with: " ")
    }

    /// The report as JSON (sorted keys, so diffs and tests are stable).
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
