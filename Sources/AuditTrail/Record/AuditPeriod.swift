import Foundation
import OCMWCore

/// A span of time to export or inspect: `start` included, `end` excluded.
public struct AuditPeriod: Sendable, Hashable {
    /// The first instant in the period.
    public let start: Date
    /// The first instant after the period.
    public let end: Date

    /// A period, or `nil` when `end` is before `start`.
    public init?(start: Date, end: Date) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// Whole Belgian days: from midnight starting `first` to midnight ending `last`, Brussels time
    /// (so summer-time days are 23 or 25 hours long, as the operators' calendar has them).
    /// - Returns: `nil` when `last` is before `first`, or the days cannot be placed in time.
    public init?(belgianDaysFrom first: DayDate, through last: DayDate) {
        guard first <= last, let next = last.adding(days: 1),
            let start = Self.belgianMidnight(starting: first), let end = Self.belgianMidnight(starting: next)
        else {
            return nil
        }
        self.init(start: start, end: end)
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    private static func belgianMidnight(starting day: DayDate) -> Date? {
        guard let brussels = TimeZone(identifier: "Europe/Brussels") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = brussels
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
    }
}
