import OCMWCore

extension DayDate {
    /// `dd/MM/yyyy`, as v1 writes dates.
    var belgian: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }
}

extension CalendarMonth {
    /// Parses v1's `MM/yyyy`; `nil` for any other form or a month out of range.
    init?(belgian text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 2, parts[1].utf8.count == 4 else { return nil }
        self.init(iso8601: "\(parts[1])-\(parts[0])")
    }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
