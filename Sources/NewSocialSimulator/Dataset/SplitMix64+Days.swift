import OCMWCore

extension SplitMix64 {
    /// A day in the months `from` through `to` (only `from` when `to` is earlier): first the month,
    /// then the day in it, two draws that every generator makes in this order.
    mutating func day(from: CalendarMonth, through to: CalendarMonth) -> DayDate {
        let month = from.shifted(by: int(in: 0...max(0, from.distance(to: to))))
        return month.day(clampedTo: int(in: 1...month.dayCount))
    }
}
