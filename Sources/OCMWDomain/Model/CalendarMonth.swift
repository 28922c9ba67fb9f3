/// A month of a year, e.g. the month whose payments are asked for. Encoded as `yyyy-MM`.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1–9999.
    public let year: Int
    /// Month, 1–12.
    public let month: Int

    /// Builds a month, or `nil` when year or month is out of range.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `yyyy-MM`.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(of: bytes[0..<4]),
              let month = ASCIIDigits.value(of: bytes[5..<7]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The ISO 8601 form, `yyyy-MM`.
    public var iso8601: String { "\(ASCIIDigits.padded(year, width: 4))-\(ASCIIDigits.padded(month, width: 2))" }

    public var description: String { iso8601 }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension CalendarMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = CalendarMonth(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a yyyy-MM month"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// An inclusive range of months, `from` not after `to`: the window a payments lookup covers.
public struct MonthRange: Sendable, Hashable, Codable {
    public let from: CalendarMonth
    public let to: CalendarMonth

    /// Builds a range, or `nil` when `from` is after `to`.
    public init?(from: CalendarMonth, to: CalendarMonth) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// A range of one month.
    public init(month: CalendarMonth) {
        self.from = month
        self.to = month
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let from = try container.decode(CalendarMonth.self, forKey: .from)
        let to = try container.decode(CalendarMonth.self, forKey: .to)
        guard let range = MonthRange(from: from, to: to) else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: container, debugDescription: "ends before it starts")
        }
        self = range
    }

    private enum CodingKeys: String, CodingKey { case from, to }
}
