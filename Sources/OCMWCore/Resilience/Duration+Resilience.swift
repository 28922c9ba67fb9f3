/// Conversions the proxy needs in one place: rates, timeouts, reports.
extension Duration {
    /// The duration in seconds, as a `Double` (for rates).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// Whole milliseconds, rounded toward zero.
    public var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }

    /// Milliseconds with their fraction, for reports and percentiles.
    public var fractionalMilliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }

    /// Whole nanoseconds, rounded toward zero; saturates instead of trapping on absurd durations.
    var wholeNanoseconds: Int64 {
        let (scaled, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return components.seconds < 0 ? .min : .max }
        return scaled &+ components.attoseconds / 1_000_000_000
    }
}
