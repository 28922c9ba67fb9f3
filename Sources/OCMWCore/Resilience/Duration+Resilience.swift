extension Duration {
    /// The duration in seconds, as a `Double` (for rates).
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// Whole milliseconds, rounded toward zero.
    var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }

    /// Whole nanoseconds, rounded toward zero; saturates instead of trapping on absurd durations.
    var wholeNanoseconds: Int64 {
        let (scaled, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return components.seconds < 0 ? .min : .max }
        return scaled &+ components.attoseconds / 1_000_000_000
    }
}
