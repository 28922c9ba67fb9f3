/// The one-line progress display of an import:
/// `[##########----------]  52% 520000/1000000 rows, 180000 rows/s`.
///
/// Pure text; drawing it (and how often) is the caller's business.
public enum ImportProgressLine {
    /// The progress text, without line break or carriage return.
    /// - Parameters:
    ///   - processed: Rows handled so far.
    ///   - total: Rows in all; `nil` when unknown (no bar or percentage then).
    ///   - elapsedSeconds: Time since the import started, for the rate.
    ///   - barWidth: Characters between the brackets.
    public static func render(processed: Int, total: Int?, elapsedSeconds: Double, barWidth: Int = 20) -> String {
        let rate = elapsedSeconds > 0 ? Int((Double(processed) / elapsedSeconds).rounded()) : 0
        guard let total, total > 0 else { return "\(processed) rows, \(rate) rows/s" }
        let fraction = min(max(Double(processed) / Double(total), 0), 1)
        let width = max(barWidth, 1)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let paddedPercent = String(repeating: " ", count: 3 - percent.count) + percent
        return "[\(bar)] \(paddedPercent)% \(processed)/\(total) rows, \(rate) rows/s"
    }
}
