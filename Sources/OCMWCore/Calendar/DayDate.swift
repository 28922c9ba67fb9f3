import struct Foundation.Date

/// A calendar day (Gregorian), without time of day or time zone: the unit in which routing
/// periods start and end, and in which New Social writes dossier dates.
///
/// Written as ISO 8601 `yyyy-MM-dd`. Only days that exist can be built (no 31 February), and the
/// ISO text of two days sorts like the days themselves, which the SQLite index relies on.
public struct DayDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1–9999 (four digits in ISO form).
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, 1–28…31.
    public let day: Int

    /// The earliest and latest representable days.
    public static let earliest = DayDate(unchecked: 1, 1, 1)
    public static let latest = DayDate(unchecked: 9999, 12, 31)

    /// Builds a day, or `nil` when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses exactly `yyyy-MM-dd`; `nil` for any other form or a day that does not exist.
    @inlinable
    public init?(iso8601 text: some StringProtocol) {
        // Inlinable so that callers in other modules get it specialised for `String`: unspecialised,
        // each byte went through the witnesses of `StringProtocol`'s UTF-8 view (3 % of the CPU of
        // a debts answer, with a date in several fields of every record).
        var bytes = text.utf8.makeIterator()
        guard let year = Self.digits(4, from: &bytes), bytes.next() == UInt8(ascii: "-"),
            let month = Self.digits(2, from: &bytes), bytes.next() == UInt8(ascii: "-"),
            let day = Self.digits(2, from: &bytes), bytes.next() == nil
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day an instant falls on at a fixed offset from UTC.
    ///
    /// - Parameters:
    ///   - date: The instant, e.g. from an injected clock.
    ///   - utcOffsetSeconds: The offset of the wanted local time (0 for UTC; Brussels is 3600 or
    ///     7200). Taken as a number so this stays pure: the caller resolves the time zone.
    /// Instants outside years 1–9999 are clamped to `earliest` / `latest`.
    public init(_ date: Date, utcOffsetSeconds: Int = 0) {
        let seconds = date.timeIntervalSince1970 + Double(utcOffsetSeconds)
        let days = (seconds / 86_400).rounded(.down)
        guard days >= Double(Self.earliest.daysSinceEpoch) else {
            self = .earliest
            return
        }
        guard days <= Double(Self.latest.daysSinceEpoch) else {
            self = .latest
            return
        }
        self = Self.civil(fromDays: Int(days))
    }

    /// The day `daysSinceEpoch` days after 1970-01-01 (negative: before), or `nil` outside 1–9999.
    public init?(daysSinceEpoch: Int) {
        guard (Self.earliest.daysSinceEpoch...Self.latest.daysSinceEpoch).contains(daysSinceEpoch) else { return nil }
        self = Self.civil(fromDays: daysSinceEpoch)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` later (earlier when negative), or `nil` outside years 1–9999.
    public func adding(days: Int) -> DayDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return overflow ? nil : DayDate(daysSinceEpoch: sum)
    }

    /// The ISO 8601 form, `yyyy-MM-dd`.
    public var iso8601: String {
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        Self.write(year, width: 4, into: &bytes, at: 0)
        Self.write(month, width: 2, into: &bytes, at: 5)
        Self.write(day, width: 2, into: &bytes, at: 8)
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso8601 }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Callers have checked that the day exists.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Howard Hinnant's civil_from_days; callers have checked the range.
    private static func civil(fromDays days: Int) -> DayDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return DayDate(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads exactly `count` ASCII digits; bytes, not characters, so no other script's digits pass.
    @usableFromInline
    static func digits<Bytes: IteratorProtocol<UInt8>>(_ count: Int, from bytes: inout Bytes) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let byte = bytes.next(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func write(_ value: Int, width: Int, into bytes: inout [UInt8], at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}

extension DayDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = DayDate(iso8601: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a yyyy-MM-dd date"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
