import Foundation

/// A tiny SVG writer: a plot area with axes, polylines and labels, escaped, well-formed.
struct SVGCanvas {
    let width: Double
    let height: Double
    /// Margins around the plot area: left, right, top, bottom.
    let left = 70.0, right = 190.0, top = 40.0, bottom = 50.0
    private var body: [String] = []

    init(width: Double = 960, height: Double = 480, title: String) {
        self.width = width
        self.height = height
        text(title, x: left, y: 24, size: 16, anchor: "start", weight: "bold")
    }

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// Maps a fraction (0…1) of the x range to a pixel column.
    func x(_ fraction: Double) -> Double { left + min(1, max(0, fraction)) * plotWidth }
    /// Maps a fraction (0…1) of the y range to a pixel row (0 at the bottom).
    func y(_ fraction: Double) -> Double { top + (1 - min(1, max(0, fraction))) * plotHeight }

    mutating func frame() {
        body.append(
            ##"<rect x="\##(f(left))" y="\##(f(top))" width="\##(f(plotWidth))" height="\##(f(plotHeight))" fill="none" stroke="#444"/>"##)
    }

    mutating func gridLine(xFraction: Double, label: String) {
        let column = x(xFraction)
        body.append(##"<line x1="\##(f(column))" y1="\##(f(top))" x2="\##(f(column))" y2="\##(f(top + plotHeight))" stroke="#ddd"/>"##)
        text(label, x: column, y: top + plotHeight + 18, size: 11, anchor: "middle")
    }

    mutating func gridLine(yFraction: Double, label: String) {
        let row = y(yFraction)
        body.append(##"<line x1="\##(f(left))" y1="\##(f(row))" x2="\##(f(left + plotWidth))" y2="\##(f(row))" stroke="#ddd"/>"##)
        text(label, x: left - 6, y: row + 4, size: 11, anchor: "end")
    }

    /// A vertical marker with a label at the top (an action of the scenario).
    mutating func marker(xFraction: Double, label: String, index: Int) {
        let column = x(xFraction)
        body.append(
            ##"<line class="marker" x1="\##(f(column))" y1="\##(f(top))" x2="\##(f(column))" y2="\##(f(top + plotHeight))" stroke="#c00" stroke-dasharray="2,3"/>"##
        )
        text(label, x: column + 3, y: top + 12 + Double(index % 4) * 12, size: 10, anchor: "start", fill: "#c00")
    }

    /// A grey boundary with a label at the bottom (the start of a phase).
    mutating func boundary(xFraction: Double, label: String) {
        let column = x(xFraction)
        body.append(
            ##"<line class="phase" x1="\##(f(column))" y1="\##(f(top))" x2="\##(f(column))" y2="\##(f(top + plotHeight))" stroke="#999" stroke-dasharray="6,3"/>"##
        )
        text(label, x: column + 3, y: top + plotHeight - 6, size: 10, anchor: "start", fill: "#666")
    }

    /// A named series: `points` are fractions of the axes' ranges.
    mutating func series(_ name: String, points: [(Double, Double)], color: String, dashed: Bool = false, legendRow: Int) {
        let list = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
        let dash = dashed ? #" stroke-dasharray="5,4""# : ""
        body.append(
            ##"<polyline class="series" data-series="\##(escape(name))" points="\##(list)" fill="none" stroke="\##(color)" stroke-width="1.5"\##(dash)/>"##
        )
        let legendY = top + 8 + Double(legendRow) * 16
        let legendX = left + plotWidth + 12
        body.append(
            ##"<line x1="\##(f(legendX))" y1="\##(f(legendY))" x2="\##(f(legendX + 22))" y2="\##(f(legendY))" stroke="\##(color)" stroke-width="2"\##(dash)/>"##
        )
        text(name, x: legendX + 28, y: legendY + 4, size: 11, anchor: "start")
    }

    mutating func axisTitles(x xTitle: String, y yTitle: String) {
        text(xTitle, x: left + plotWidth / 2, y: height - 10, size: 12, anchor: "middle")
        body.append(
            ##"<text x="16" y="\##(f(top + plotHeight / 2))" font-size="12" text-anchor="middle" transform="rotate(-90 16 \##(f(top + plotHeight / 2)))" font-family="sans-serif">\##(escape(yTitle))</text>"##
        )
    }

    mutating func text(_ content: String, x: Double, y: Double, size: Int, anchor: String, weight: String = "normal", fill: String = "#222")
    {
        body.append(
            ##"<text x="\##(f(x))" y="\##(f(y))" font-size="\##(size)" font-weight="\##(weight)" text-anchor="\##(anchor)" fill="\##(fill)" font-family="sans-serif">\##(escape(content))</text>"##
        )
    }

    /// The finished document.
    var document: String {
        ([
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(width))" height="\#(f(height))" viewBox="0 0 \#(f(width)) \#(f(height))">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
        ] + body + ["</svg>", ""]).joined(separator: "\n")
    }

    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    private func f(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    private func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A logarithmic latency axis: decades from a power of ten below the smallest value to one above
/// the largest, so a hang of seconds and a 2 ms answer fit one picture.
struct LogAxis {
    let lowExponent: Int
    let highExponent: Int

    init(minimum: Double, maximum: Double) {
        let low = Int((log10(max(minimum, 0.01))).rounded(.down))
        let high = Int((log10(max(maximum, 0.01))).rounded(.up))
        lowExponent = low
        highExponent = max(high, low + 1)
    }

    func fraction(_ value: Double) -> Double {
        (log10(max(value, 0.001)) - Double(lowExponent)) / Double(highExponent - lowExponent)
    }

    /// (fraction, label) of each decade.
    var ticks: [(Double, String)] {
        (lowExponent...highExponent).map { exponent in
            let value = pow(10, Double(exponent))
            let label = value >= 1 ? "\(Int(value)) ms" : "\(value) ms"
            return (Double(exponent - lowExponent) / Double(highExponent - lowExponent), label)
        }
    }
}
