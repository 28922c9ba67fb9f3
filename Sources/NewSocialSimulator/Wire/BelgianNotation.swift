import OCMWCore

/// v1's notations: money as `"2.721,96"`, dates `dd/MM/yyyy`, periods `dd/MM/yyyy-dd/MM/yyyy`.
enum BelgianNotation {
    /// Cents as Belgian money text, always with two decimals: 272196 → `"2.721,96"`.
    static func money(cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var euros = String(magnitude / 100)
        var grouped = ""
        while euros.count > 3 {
            grouped = "." + euros.suffix(3) + grouped
            euros.removeLast(3)
        }
        return sign + euros + grouped + "," + pad(Int(magnitude % 100), 2)
    }

    /// A period as one string; a single day when there is no end.
    static func period(_ start: DayDate, _ end: DayDate?) -> String {
        guard let end else { return start.belgian }
        return start.belgian + "-" + end.belgian
    }

    /// A date, or `""` when absent.
    static func date(_ date: DayDate?) -> String { date?.belgian ?? "" }
}
