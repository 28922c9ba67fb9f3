import Foundation

extension DayDate {
    /// The Belgian calendar day at `date`: registrations and dossier periods are Belgian days,
    /// so "today" must not flip at midnight UTC.
    public static func inBelgium(at date: Date) -> DayDate {
        let offset = TimeZone(identifier: "Europe/Brussels")?.secondsFromGMT(for: date) ?? 0
        return DayDate(date, utcOffsetSeconds: offset)
    }
}
