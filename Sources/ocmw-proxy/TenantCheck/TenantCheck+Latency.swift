import OCMWDomain

extension TenantCheck {
    /// `samples` sequential probe calls; warns when the median uses more than half the tenant's
    /// total timeout, since retries and slow days then have no room left.
    func latencyCheck() async -> TenantCheckReport.Check {
        guard let probeCitizen else { return .init(name: "latency", outcome: .failed, summary: "no probe citizen") }
        let path = NewSocialPaths.citizen(insz: probeCitizen, dialect: tenant.backend.dialect)
        var times: [Double] = []
        var failures: [String] = []
        for _ in 0..<samples {
            switch await call(path) {
            case .answered(_, let milliseconds): times.append(milliseconds)
            case .failed(let error): failures.append(error.kind.rawValue)
            }
        }
        guard let summary = Self.summarise(times) else {
            return .init(
                name: "latency", outcome: .failed, summary: "none of \(samples) probe calls answered",
                details: ["errors: \(failures.joined(separator: ", "))"])
        }
        let stats =
            "\(samples) sequential probe calls: min \(Self.shown(summary.minMs)), "
            + "median \(Self.shown(summary.medianMs)), max \(Self.shown(summary.maxMs))"
        if !failures.isEmpty {
            return .init(
                name: "latency", outcome: .failed, summary: stats,
                details: ["\(failures.count) of \(samples) calls failed: \(failures.joined(separator: ", "))"],
                latency: summary)
        }
        let budget = tenant.limits.totalTimeoutMs
        if summary.medianMs * 2 > Double(budget) {
            return .init(
                name: "latency", outcome: .warning, summary: stats,
                details: [
                    "warning: the median is above half the total timeout (\(budget) ms): "
                        + "slow days will time out; raise limits.totalTimeoutMs or ask the OCMW why"
                ],
                latency: summary)
        }
        return .init(name: "latency", outcome: .passed, summary: stats, latency: summary)
    }

    /// Min, median (mean of the middle two for an even count) and max; `nil` for no samples.
    static func summarise(_ times: [Double]) -> TenantCheckReport.LatencySummary? {
        let sorted = times.sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return .init(samples: sorted.count, minMs: first, medianMs: median, maxMs: last)
    }
}
