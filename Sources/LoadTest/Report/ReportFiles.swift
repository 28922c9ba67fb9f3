import Foundation

/// Writes a run's files into its output directory: `report.json`, `summary.txt`,
/// `latency-over-time.svg`, `percentile-spectrum.svg` and HdrHistogram's percentile
/// distribution of all requests (`latency.hgrm`, milliseconds).
public enum ReportFiles {
    /// The names written, for the closing message.
    public static let names = ["summary.txt", "report.json", "latency-over-time.svg", "percentile-spectrum.svg", "latency.hgrm"]
    /// Written besides when the scenario has several phases: one spectrum line per rate step.
    public static let phasesSpectrum = "percentile-spectrum-phases.svg"

    /// Writes the files, creating `directory` if needed.
    /// - Parameter maxTenants: The busiest tenants drawn in the charts (besides all requests).
    /// - Throws: file-system errors.
    public static func write(_ report: Report, book: LatencyBook, schedule: ArrivalSchedule, to directory: URL, maxTenants: Int = 8) throws
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: directory.appendingPathComponent("report.json"))
        try Data((report.text + "\n").utf8).write(to: directory.appendingPathComponent("summary.txt"))
        try Data(LatencyOverTimeChart.svg(report, maxTenants: maxTenants).utf8)
            .write(to: directory.appendingPathComponent("latency-over-time.svg"))
        try Data(spectrumSVG(report: report, book: book, maxTenants: maxTenants).utf8)
            .write(to: directory.appendingPathComponent("percentile-spectrum.svg"))
        if report.phases.count > 1 {
            try Data(phasesSpectrumSVG(report: report, book: book, schedule: schedule).utf8)
                .write(to: directory.appendingPathComponent(phasesSpectrum))
        }
        var distribution = ""
        book.overall.histogram.outputPercentileDistribution(to: &distribution, outputValueUnitScalingRatio: 1_000)
        try Data(distribution.utf8).write(to: directory.appendingPathComponent("latency.hgrm"))
    }

    /// The percentile spectrum of each rate step: where the knee is.
    public static func phasesSpectrumSVG(report: Report, book: LatencyBook, schedule: ArrivalSchedule) -> String {
        let series = schedule.segments.enumerated().filter { $0.element.isMeasured }.map { index, segment in
            PercentileSpectrumChart.Series(name: segment.name, points: (book.segments[index] ?? Tally()).spectrum)
        }
        return PercentileSpectrumChart.svg(
            title: "\(report.scenario): latency by percentile per rate step, from the intended send time",
            series: series)
    }

    /// The percentile spectrum of all requests and of the busiest tenants.
    public static func spectrumSVG(report: Report, book: LatencyBook, maxTenants: Int = 8) -> String {
        let busiest = book.tenants.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(maxTenants)
            .sorted { $0.key < $1.key }
        let series =
            [PercentileSpectrumChart.Series(name: "all", points: book.overall.spectrum)]
            + busiest.map { PercentileSpectrumChart.Series(name: $0.key.rawValue, points: $0.value.spectrum) }
        return PercentileSpectrumChart.svg(title: "\(report.scenario): latency by percentile, from the intended send time", series: series)
    }
}
