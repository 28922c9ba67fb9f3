/// Readers for the v1 dialect's texts: Belgian amounts, `dd/MM/yyyy` dates and periods, `J`/`N`
/// flags and numeric codes. In v1 an absent value is `""`; a missing key is treated the same.
enum BelgianNotation {
    private static let dot = UInt8(ascii: "."), comma = UInt8(ascii: ","), minus = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")

    /// Reads an amount in Belgian notation into exact cents, never through floating point.
    ///
    /// `.` groups thousands (groups of exactly three after the first, so `1.00` is rejected
    /// rather than misread as English notation), `,` starts one or two decimals:
    /// `"2.721,96"` → 272196, `"300"` → 30000, `"71,96"` → 7196, `"1.000,00"` → 100000.
    static func cents(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> Int {
        let text = try RecordRules.requiredText(text, field: field())
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == minus
        if negative { bytes = bytes.dropFirst() }

        let parts = bytes.split(separator: comma, maxSplits: 1, omittingEmptySubsequences: false)
        guard let euros = euros(parts[0]) else { throw NormalisationError(.invalidAmount, field: field()) }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), let value = ASCIIDigits.value(of: digits) else {
                throw NormalisationError(.invalidAmount, field: field())
            }
            fraction = digits.count == 1 ? value * 10 : value
        }
        // Checked before multiplying so that a long digit run cannot overflow.
        guard euros <= RecordRules.maxCents / 100 else { throw NormalisationError(.amountOutOfRange, field: field()) }
        let cents = euros * 100 + fraction
        return try RecordRules.amount(negative ? -cents : cents, field: field())
    }

    /// The part before the comma: plain digits, or 1–3 digits followed by `.ddd` groups.
    private static func euros(_ bytes: ArraySlice<UInt8>) -> Int? {
        let groups = bytes.split(separator: dot, omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        let digits = bytes.filter { $0 != dot }
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        // A well-formed but very long number is too large, not malformed: saturate so the
        // caller reports it as out of range without overflowing.
        return digits.count > 15 ? Int.max : ASCIIDigits.value(of: digits)
    }

    /// Reads a required `dd/MM/yyyy` date.
    static func date(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> CalendarDate {
        let text = try RecordRules.requiredText(text, field: field())
        guard let date = parseDate(text.utf8[...]) else { throw NormalisationError(.invalidDate, field: field()) }
        return date
    }

    /// Reads an optional `dd/MM/yyyy` date; `""` is absent.
    static func optionalDate(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> CalendarDate? {
        guard RecordRules.optionalText(text) != nil else { return nil }
        return try date(text, field: field())
    }

    /// Reads a period `dd/MM/yyyy` (one day) or `dd/MM/yyyy-dd/MM/yyyy`.
    static func period(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> DatePeriod {
        let text = try RecordRules.requiredText(text, field: field())
        let parts = text.utf8.split(separator: minus, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { throw NormalisationError(.invalidPeriod, field: field()) }
        guard let start = parseDate(parts[0]) else { throw NormalisationError(.invalidDate, field: field()) }
        var end: CalendarDate?
        if parts.count == 2 {
            guard let parsed = parseDate(parts[1]) else { throw NormalisationError(.invalidDate, field: field()) }
            end = parsed
        }
        return try RecordRules.period(start: start, end: end, field: field())
    }

    /// Reads `J` (true), `N` or `""` (false).
    /// - Parameter invalid: The reason to report for any other text.
    static func flag(
        _ text: String?, field: @autoclosure () -> String,
        invalid: NormalisationError.Code = .invalidFlag
    ) throws(NormalisationError) -> Bool {
        try optionalFlag(text, field: field(), invalid: invalid) ?? false
    }

    /// Reads `J` (true), `N` (false) or `""` (not said: `nil`).
    static func optionalFlag(
        _ text: String?, field: @autoclosure () -> String,
        invalid: NormalisationError.Code = .invalidFlag
    ) throws(NormalisationError) -> Bool? {
        switch text ?? "" {
        case "J": return true
        case "N": return false
        case "": return nil
        default: throw NormalisationError(invalid, field: field())
        }
    }

    /// Reads an optional numeric code such as `"3"` or `"2999"`; `""` is absent.
    static func code(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard text.utf8.count <= 9, let value = ASCIIDigits.value(of: text.utf8) else {
            throw NormalisationError(.malformedPaymentStatus, field: field())
        }
        return value
    }

    private static func parseDate(_ bytes: some Collection<UInt8>) -> CalendarDate? {
        let bytes = Array(bytes)
        guard bytes.count == 10, bytes[2] == slash, bytes[5] == slash,
            let day = ASCIIDigits.value(of: bytes[0..<2]),
            let month = ASCIIDigits.value(of: bytes[3..<5]),
            let year = ASCIIDigits.value(of: bytes[6..<10])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
