import OCMWCore

extension DayDate {
    /// A day written out in the demo data, e.g. `.literal(2023, 8, 1)`.
    ///
    /// For literals in this module only: a day that does not exist is a typo in the source, so it
    /// stops the program. Text from outside goes through `DayDate(iso8601:)`.
    static func literal(_ year: Int, _ month: Int, _ day: Int) -> DayDate {
        guard let date = DayDate(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a day")
        }
        return date
    }
}

extension CalendarMonth {
    /// A month written out in the source, e.g. `.literal(2025, 10)`; literals only, like `DayDate.literal`.
    static func literal(_ year: Int, _ month: Int) -> CalendarMonth {
        guard let value = CalendarMonth(year: year, month: month) else {
            preconditionFailure("\(year)-\(month) is not a month")
        }
        return value
    }

    /// `adding(months:)` held to the representable months: generated data only has to stay
    /// plausible, even for a `--last-month` near the ends of the calendar.
    func shifted(by count: Int) -> CalendarMonth {
        adding(months: count) ?? (count < 0 ? .earliest : .latest)
    }
}
