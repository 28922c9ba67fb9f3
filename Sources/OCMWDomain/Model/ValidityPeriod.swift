/// The period a right or trajectory runs: from `start`, through `end` when one is set.
///
/// Unlike `DatePeriod` (where no end means a single day), no end here means "until further
/// notice": a right without an end date keeps holding.
public struct ValidityPeriod: Sendable, Hashable, Codable {
    /// The first day.
    public let start: CalendarDate
    /// The last day, or `nil` when no end is set.
    public let end: CalendarDate?

    /// Builds a period, or `nil` when it ends before it starts.
    public init?(start: CalendarDate, end: CalendarDate?) {
        if let end, end < start { return nil }
        self.start = start
        self.end = end
    }

    /// Whether the period includes `day`.
    public func contains(_ day: CalendarDate) -> Bool {
        start <= day && (end.map { day <= $0 } ?? true)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(CalendarDate.self, forKey: .start)
        let end = try container.decodeIfPresent(CalendarDate.self, forKey: .end)
        guard let period = ValidityPeriod(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "ends before it starts")
        }
        self = period
    }

    private enum CodingKeys: String, CodingKey { case start, end }
}
