/// `latency-over-time.svg`: p99 (solid) and p50 (dashed) of each second, per tenant, with the
/// scenario's actions as vertical markers. Log-scaled latency axis.
public enum LatencyOverTimeChart {
    /// The SVG document for a report; at most `maxTenants` tenants (the busiest), plus `all`.
    public static func svg(_ report: Report, maxTenants: Int = 8) -> String {
        var canvas = SVGCanvas(title: "\(report.scenario): latency per second (p99 solid, p50 dashed), from the intended send time")
        func requests(_ points: [Report.Point]) -> Int { points.reduce(0) { $0 + $1.count } }
        let names = report.timeline.filter { $0.key != "all" }
            .map { (name: $0.key, requests: requests($0.value)) }
            .sorted { ($0.requests, $1.name) > ($1.requests, $0.name) }
            .prefix(maxTenants).map(\.name)
        let shown = ["all"] + names.sorted()
        let values = shown.flatMap { report.timeline[$0] ?? [] }.flatMap { [$0.p50Ms, $0.p99Ms] }
        let axis = LogAxis(minimum: values.min() ?? 1, maximum: values.max() ?? 10)
        let seconds = max(1, report.runSeconds)
        canvas.frame()
        for (fraction, label) in axis.ticks { canvas.gridLine(yFraction: fraction, label: label) }
        let step = seconds <= 30 ? 5.0 : seconds <= 120 ? 10 : seconds <= 600 ? 60 : 300
        for tick in stride(from: 0, through: seconds, by: step) { canvas.gridLine(xFraction: tick / seconds, label: "\(Int(tick)) s") }
        canvas.axisTitles(x: "seconds since the start of the run", y: "latency (log scale)")
        var row = 0
        for (index, name) in shown.enumerated() {
            let points = report.timeline[name] ?? []
            let color = name == "all" ? "#000000" : SVGCanvas.palette[(index - 1) % SVGCanvas.palette.count]
            // A point sits in the middle of its second.
            canvas.series(
                "\(name) p99", points: points.map { ((Double($0.second) + 0.5) / seconds, axis.fraction($0.p99Ms)) },
                color: color, legendRow: row)
            canvas.series(
                "\(name) p50", points: points.map { ((Double($0.second) + 0.5) / seconds, axis.fraction($0.p50Ms)) },
                color: color, dashed: true, legendRow: row + 1)
            row += 2
        }
        if report.phases.count > 1 {
            for phase in report.phases { canvas.boundary(xFraction: phase.startSeconds / seconds, label: phase.name) }
        }
        for (index, action) in report.actions.enumerated() {
            canvas.marker(xFraction: action.atSeconds / seconds, label: action.label, index: index)
        }
        return canvas.document
    }
}
