/// A month of a year (Gregorian), e.g. the month whose payments are asked for.
///
/// Written as ISO 8601 `yyyy-MM`; covers the same years as `DayDate` (1–9999), so every month has
/// a first and a last `DayDate`.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1–9999 (four digits in ISO form).
    public let year: Int
    /// Month, 1–12.
    public let month: Int

    /// The earliest and latest representable months.
    public static let earliest = CalendarMonth(unchecked: 1, 1)
    public static let latest = CalendarMonth(unchecked: 9999, 12)

    /// Builds a month, or `nil` when year or month is out of range.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(unchecked: year, month)
    }

    /// Parses exactly `yyyy-MM`; `nil` for any other form or a month out of range.
    public init?(iso8601 text: some StringProtocol) {
        var bytes = text.utf8.makeIterator()
        guard let year = DayDate.digits(4, from: &bytes), bytes.next() == UInt8(ascii: "-"),
            let month = DayDate.digits(2, from: &bytes), bytes.next() == nil
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `day` falls in.
    public init(containing day: DayDate) {
        self.init(unchecked: day.year, day.month)
    }

    /// The number of days in the month, 28…31.
    public var dayCount: Int { DayDate.daysIn(month: month, year: year) }

    /// The first day of the month.
    public var firstDay: DayDate { DayDate(unchecked: year, month, 1) }

    /// The last day of the month.
    public var lastDay: DayDate { DayDate(unchecked: year, month, dayCount) }

    /// The day numbered `day` in this month, held to `1...dayCount` (so 31 in April is the 30th).
    public func day(clampedTo day: Int) -> DayDate {
        DayDate(unchecked: year, month, min(max(day, 1), dayCount))
    }

    /// The month `count` months later (earlier when negative), or `nil` outside years 1–9999.
    public func adding(months count: Int) -> CalendarMonth? {
        let (index, overflow) = monthsSinceYearOne.addingReportingOverflow(count)
        guard !overflow, index >= 0 else { return nil }
        return CalendarMonth(year: index / 12 + 1, month: index % 12 + 1)
    }

    /// The number of months from `self` to `other`; negative when `other` is earlier.
    public func distance(to other: CalendarMonth) -> Int {
        other.monthsSinceYearOne - monthsSinceYearOne
    }

    /// The ISO 8601 form, `yyyy-MM`.
    public var iso8601: String {
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 7)
        DayDate.write(year, width: 4, into: &bytes, at: 0)
        DayDate.write(month, width: 2, into: &bytes, at: 5)
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso8601 }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// 0 for January of year 1; small enough that differences never overflow.
    private var monthsSinceYearOne: Int { (year - 1) * 12 + (month - 1) }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}

extension DayDate {
    /// The month this day falls in.
    public var calendarMonth: CalendarMonth { CalendarMonth(containing: self) }
}

extension CalendarMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = CalendarMonth(iso8601: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a yyyy-MM month"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
