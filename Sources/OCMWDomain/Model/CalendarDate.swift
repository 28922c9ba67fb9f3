/// A day in the Gregorian calendar, without time of day or time zone: how New Social and
/// Mijn Burgerprofiel write dates.
///
/// Encoded as an ISO 8601 `yyyy-MM-dd` string. Only days that exist can be built (no 31 February),
/// so a value of this type never needs re-checking.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1–9999 (four digits on the wire).
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, 1–28…31 depending on month and year.
    public let day: Int

    /// Builds a date, or `nil` when that day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd`; `nil` for any other form or a day that does not exist.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(of: bytes[0..<4]),
              let month = ASCIIDigits.value(of: bytes[5..<7]),
              let day = ASCIIDigits.value(of: bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 form, `yyyy-MM-dd`.
    public var iso8601: String {
        "\(ASCIIDigits.padded(year, width: 4))-\(ASCIIDigits.padded(month, width: 2))-\(ASCIIDigits.padded(day, width: 2))"
    }

    public var description: String { iso8601 }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a yyyy-MM-dd date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// Fixed-width ASCII number reading and writing, shared by the date and money parsers.
///
/// Works on UTF-8 bytes so that non-ASCII digits (which `Int(_:)` on a `Character` might accept
/// in other contexts) are never taken for numbers.
enum ASCIIDigits {
    /// The value of a non-empty run of ASCII digits, at most 18 long so it cannot overflow.
    static func value(of bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return result
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.utf8.count)) + text
    }
}
