import struct Foundation.Date

/// How long audit records are kept.
///
/// The default, 400 days, is one year plus the time to answer a question about that year. Belgian
/// public bodies commonly keep access logs for one year; a citizen (GDPR art. 15) or an OCMW's DPO
/// asking "who looked at my file this past year" must get a whole year, and the answer may take
/// up to a month, extendable by two for complex requests (art. 12(3)). 365 days plus that month
/// and some slack is 400: long enough to answer, short enough that the trail of a citizen's
/// contacts is not kept indefinitely (art. 5(1)(e), storage limitation).
public struct AuditRetention: Sendable, Hashable {
    /// The default number of days kept: 400 (see the type's documentation).
    public static let defaultDays = 400
    /// The default retention.
    public static let `default` = AuditRetention(unchecked: defaultDays)

    /// Records are kept this many days (of 24 hours) after their time.
    public let days: Int

    /// A retention of `days` days, or `nil` when `days` is not positive.
    public init?(days: Int) {
        guard days > 0 else { return nil }
        self.init(unchecked: days)
    }

    private init(unchecked days: Int) {
        self.days = days
    }

    /// The oldest time kept at `now`: records before it are due for removal.
    public func cutoff(now: Date) -> Date {
        now.addingTimeInterval(-Double(days) * 86_400)
    }

    /// Removes the records older than the retention allows.
    /// - Returns: The number of records removed.
    /// - Throws: when the store cannot be written.
    @discardableResult
    public func apply(to store: any AuditStore, now: Date = Date()) async throws -> Int {
        try await store.deleteOlder(than: cutoff(now: now))
    }
}
