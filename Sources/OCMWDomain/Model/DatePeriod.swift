/// The period a debt or payment is about: one day (`end == nil`) or `start` through `end`,
/// both inclusive.
public struct DatePeriod: Sendable, Hashable, Codable {
    public let start: CalendarDate
    /// The last day, or `nil` when the period is the single day `start`.
    public let end: CalendarDate?

    /// Builds a period, or `nil` when it ends before it starts.
    public init?(start: CalendarDate, end: CalendarDate? = nil) {
        if let end, end < start { return nil }
        self.start = start
        self.end = end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(CalendarDate.self, forKey: .start)
        let end = try container.decodeIfPresent(CalendarDate.self, forKey: .end)
        guard let period = DatePeriod(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "ends before it starts")
        }
        self = period
    }

    private enum CodingKeys: String, CodingKey { case start, end }
}
