import Foundation
import OCMWCore
import Testing

@Suite("CalendarMonth: a month of a year, with its days")
struct CalendarMonthTests {
    @Test("ISO text round-trips and keeps leading zeros", arguments: ["2025-03", "0001-01", "9999-12"])
    func isoRoundTrip(text: String) throws {
        let month = try #require(CalendarMonth(iso8601: text))
        #expect(month.iso8601 == text)
        #expect(try JSONDecoder().decode(CalendarMonth.self, from: Data(#""\#(text)""#.utf8)) == month)
    }

    @Test(
        "Malformed or out-of-range months are refused",
        arguments: ["2025-3", "202503", "2025-13", "2025-00", "0000-01", "2025-03-01", "2025/03", "２０２５-03", "", "2025-03 "])
    func refused(text: String) {
        #expect(CalendarMonth(iso8601: text) == nil)
    }

    @Test(
        "First and last days follow month lengths and leap years",
        arguments: [
            ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02", "2023-02-01", "2023-02-28"),
            ("1900-02", "1900-02-01", "1900-02-28"), ("2000-02", "2000-02-01", "2000-02-29"),
            ("2023-04", "2023-04-01", "2023-04-30"), ("2023-12", "2023-12-01", "2023-12-31"),
        ])
    func firstAndLastDay(month text: String, first: String, last: String) throws {
        let month = try #require(CalendarMonth(iso8601: text))
        #expect(month.firstDay.iso8601 == first)
        #expect(month.lastDay.iso8601 == last)
        #expect(month.dayCount == month.lastDay.day)
        #expect(month.lastDay.calendarMonth == month)
    }

    @Test("A day number is held to the days the month has")
    func clampedDay() throws {
        let april = try #require(CalendarMonth(year: 2023, month: 4))
        #expect(april.day(clampedTo: 31).iso8601 == "2023-04-30")
        #expect(april.day(clampedTo: 0).iso8601 == "2023-04-01")
        #expect(april.day(clampedTo: 12).iso8601 == "2023-04-12")
    }

    @Test("Adding months crosses years both ways and stops at the ends of the calendar")
    func addingMonths() throws {
        let october = try #require(CalendarMonth(year: 2025, month: 10))
        #expect(october.adding(months: 3)?.iso8601 == "2026-01")
        #expect(october.adding(months: -10)?.iso8601 == "2024-12")
        #expect(october.adding(months: -72)?.iso8601 == "2019-10")
        #expect(october.adding(months: 0) == october)
        #expect(CalendarMonth.earliest.adding(months: -1) == nil)
        #expect(CalendarMonth.latest.adding(months: 1) == nil)
        #expect(october.adding(months: .max) == nil)
        #expect(october.adding(months: .min) == nil)
    }

    @Test("Distance counts months, negative backwards")
    func distance() throws {
        let from = try #require(CalendarMonth(year: 2022, month: 11))
        let to = try #require(CalendarMonth(year: 2023, month: 2))
        #expect(from.distance(to: to) == 3)
        #expect(to.distance(to: from) == -3)
        #expect(from.adding(months: from.distance(to: to)) == to)
    }

    @Test("Months order chronologically")
    func order() throws {
        let months = try ["1999-12", "2000-01", "2000-10", "2024-09"].map { try #require(CalendarMonth(iso8601: $0)) }
        for (a, b) in zip(months, months.dropFirst()) {
            #expect(a < b)
        }
    }
}
