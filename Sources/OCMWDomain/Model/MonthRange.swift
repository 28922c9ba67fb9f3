import OCMWCore

/// A month of a year, encoded as `yyyy-MM`: the core's month type, named here too so that
/// `import OCMWDomain` alone keeps compiling for code that reads months.
public typealias CalendarMonth = OCMWCore.CalendarMonth

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

    /// Whether `month` is in the range.
    public func contains(_ month: CalendarMonth) -> Bool { from <= month && month <= to }

    /// Every month of the range, in order.
    public var months: [CalendarMonth] {
        (0...from.distance(to: to)).compactMap { from.adding(months: $0) }
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
