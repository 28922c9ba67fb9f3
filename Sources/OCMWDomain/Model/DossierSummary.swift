/// One dossier a citizen has with an OCMW, as its New Social reports it: the answer to
/// "does this OCMW know the citizen?".
public struct DossierSummary: Sendable, Hashable, Codable {
    /// The capacity (kind of help) the dossier is held in, as the OCMW codes it (e.g. `LL`).
    public let capacity: String
    /// The first day of the dossier.
    public let since: CalendarDate
    /// The last day, or `nil` while the dossier is still running.
    public let until: CalendarDate?

    /// Builds a summary, or `nil` when it ends before it starts.
    public init?(capacity: String, since: CalendarDate, until: CalendarDate?) {
        if let until, until < since { return nil }
        self.capacity = capacity
        self.since = since
        self.until = until
    }

    /// Whether the dossier runs on `day`.
    public func isRunning(on day: CalendarDate) -> Bool {
        since <= day && (until.map { day <= $0 } ?? true)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let summary = DossierSummary(
            capacity: try container.decode(String.self, forKey: .capacity),
            since: try container.decode(CalendarDate.self, forKey: .since),
            until: try container.decodeIfPresent(CalendarDate.self, forKey: .until))
        guard let summary else {
            throw DecodingError.dataCorruptedError(forKey: .until, in: container, debugDescription: "ends before it starts")
        }
        self = summary
    }

    private enum CodingKeys: String, CodingKey { case capacity, since, until }
}
