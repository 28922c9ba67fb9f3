import Foundation

/// `percentile-spectrum.svg`: latency by percentile from HdrHistogram's percentile iteration,
/// on the usual log-scaled x axis (0, 90, 99, 99.9, 99.99, 99.999 %), overall and per tenant.
public enum PercentileSpectrumChart {
    /// One line of the chart: (percentile 0…100, latency in milliseconds) pairs.
    public struct Series: Sendable {
        /// The legend text, and the points.
        public var name: String
        public var points: [(percentile: Double, ms: Double)]

        /// A series.
        public init(name: String, points: [(percentile: Double, ms: Double)]) {
            self.name = name
            self.points = points
        }
    }

    /// The highest percentile shown: 99.999 %.
    static let decades = 5.0

    /// Position of a percentile on the x axis, 0…1: each "nine" is one step.
    public static func xFraction(percentile: Double) -> Double {
        let tail = max(100 - percentile, 100 * pow(10, -decades - 2))
        return min(decades, max(0, log10(100 / tail))) / decades
    }

    /// The SVG document for these series.
    public static func svg(title: String, series: [Series]) -> String {
        var canvas = SVGCanvas(title: title)
        let values = series.flatMap { $0.points.map(\.ms) }
        let axis = LogAxis(minimum: values.filter { $0 > 0 }.min() ?? 1, maximum: values.max() ?? 10)
        canvas.frame()
        for (fraction, label) in axis.ticks { canvas.gridLine(yFraction: fraction, label: label) }
        for (index, label) in ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"].enumerated() {
            canvas.gridLine(xFraction: Double(index) / decades, label: label)
        }
        canvas.axisTitles(x: "percentile (log scale of 1/(1-p))", y: "latency (log scale)")
        for (index, line) in series.enumerated() {
            let points = line.points.filter { $0.percentile <= 99.9999 }
                .map { (xFraction(percentile: $0.percentile), axis.fraction($0.ms)) }
            canvas.series(
                line.name, points: points, color: index == 0 ? "#000000" : SVGCanvas.palette[(index - 1) % SVGCanvas.palette.count],
                legendRow: index)
        }
        return canvas.document
    }
}

extension Tally {
    /// The percentile distribution of the histogram (5 ticks per half distance), in milliseconds.
    public var spectrum: [(percentile: Double, ms: Double)] {
        guard count > 0 else { return [] }
        return histogram.percentiles(ticksPerHalfDistance: 5).map { ($0.percentileLevelIteratedTo, Double($0.value) / 1_000) }
    }
}
