/// A calendar day without time or zone, encoded as ISO 8601 `yyyy-MM-dd`.
public struct SimDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Four-digit year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, from 1.
    public let day: Int

    /// Creates a date; the caller is responsible for passing a real day.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`; `nil` for anything else or a day the month does not have.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...SimDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.init(year, month, day)
    }

    /// `yyyy-MM-dd`, as v2 writes dates.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `dd/MM/yyyy`, as v1 writes dates.
    public var belgian: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }
    /// `yyyy-MM-dd`.
    public var description: String { iso }
    /// The month this day falls in.
    public var yearMonth: YearMonth { YearMonth(year, month) }

    /// Chronological order.
    public static func < (lhs: SimDate, rhs: SimDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Number of days in a month of the Gregorian calendar.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Decodes `yyyy-MM-dd`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = SimDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a yyyy-MM-dd date"))
        }
        self = date
    }

    /// Encodes `yyyy-MM-dd`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A calendar month, as used by the payments month range.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Four-digit year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int

    /// A month; `month` must be 1–12.
    public init(_ year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses v2's `yyyy-MM`.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.init(year, month)
    }

    /// Parses v1's `MM/yyyy`.
    public init?(belgian text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 4,
              let month = Int(parts[0]), let year = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.init(year, month)
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(index / 12, index % 12 + 1)
    }

    /// The first day of the month.
    public var firstDay: SimDate { SimDate(year, month, 1) }
    /// The last day of the month.
    public var lastDay: SimDate { SimDate(year, month, SimDate.days(inMonth: month, year: year)) }
    /// `yyyy-MM`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    /// Chronological order.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
