extension Report {
    /// The summary printed at the end of a run: phases, tenants, endpoints, actions, warnings.
    public var text: String {
        var lines = [
            "scenario \(scenario), \(Self.format(runSeconds)) s against \(proxy), started \(startedAt)",
            "latency from the intended send time (open model); \(unmeasuredRequests) warm-up/settle requests not recorded", "",
        ]
        lines.append(Self.header("phase", extra: ["target/s", "achieved/s", "late max ms"]))
        for phase in phases {
            lines.append(
                Self.row(
                    phase.name, phase.stats,
                    extra: [Self.format(phase.targetRate), Self.format(phase.achievedRate), Self.format(phase.maxLateMs)]))
        }
        lines.append(Self.row("all", overall, extra: ["", "", ""]))
        lines += ["", Self.header("tenant")]
        for (name, stats) in tenants.sorted(by: { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
        ).prefix(20) {
            lines.append(Self.row(name, stats))
        }
        if tenants.count > 20 { lines.append("… and \(tenants.count - 20) more tenants in report.json") }
        lines += ["", Self.header("endpoint")]
        for endpoint in Endpoint.allCases {
            guard let stats = endpoints[endpoint.rawValue] else { continue }
            lines.append(Self.row(endpoint.rawValue, stats))
        }
        if !actions.isEmpty {
            lines += ["", "actions:"]
            lines += actions.map { "  \(Self.format($0.atSeconds)) s  \($0.label): \($0.result)" }
        }
        if !gaps.isEmpty {
            lines += ["", "gaps in partial answers (tenant/part/status: count):"]
            let top = gaps.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            lines += top.prefix(12).map { "  \($0.key): \($0.value)" }
            if top.count > 12 { lines.append("  … and \(top.count - 12) more in report.json") }
        }
        let errors = Outcome.allCases.filter { $0.isError }.map { "\($0.rawValue) \(overall.outcomes[$0.rawValue] ?? 0)" }
        lines += ["", "errors: \(overall.errors) of \(overall.count) (\(errors.joined(separator: ", ")))"]
        lines += warnings.map { "WARNING: \($0)" }
        return lines.joined(separator: "\n")
    }

    private static func header(_ name: String, extra: [String] = []) -> String {
        pad(name, 22) + ["count", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors"].map { pad($0, 9, right: true) }.joined()
            + extra.map { pad($0, 12, right: true) }.joined()
    }

    private static func row(_ name: String, _ stats: Stats, extra: [String] = []) -> String {
        let figures = [
            String(stats.count), format(stats.p50Ms), format(stats.p90Ms), format(stats.p99Ms), format(stats.p999Ms),
            format(stats.maxMs), String(stats.errors),
        ]
        return pad(name, 22) + figures.map { pad($0, 9, right: true) }.joined() + extra.map { pad($0, 12, right: true) }.joined()
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let clipped = text.count > width - 1 ? String(text.prefix(width - 1)) : text
        let space = String(repeating: " ", count: width - clipped.count)
        return right ? space + clipped : clipped + space
    }
}
