import Foundation
import OCMWDomain
import Testing

@Suite("Calendar dates, months and periods")
struct CalendarDateTests {
    @Test(
        "Only days that exist are dates",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
            ("2023-04-30", true), ("2023-04-31", false), ("2023-12-31", true), ("2023-13-01", false),
            ("2023-00-10", false), ("2023-01-00", false), ("0000-01-01", false), ("0999-01-01", true),
        ])
    func existingDays(_ iso: String, exists: Bool) {
        #expect((CalendarDate(iso8601: iso) != nil) == exists)
    }

    @Test(
        "Only the exact yyyy-MM-dd form is read",
        arguments: [
            "2023-8-1", "23-08-01", "2023/08/01", "20230801", "2023-08-01 ", " 2023-08-01", "2023-08-01T00:00:00Z",
            "２０２３-08-01", "",
        ])
    func strictForm(_ text: String) {
        #expect(CalendarDate(iso8601: text) == nil)
    }

    @Test("Dates print and encode as ISO 8601 with leading zeros")
    func printsISO() throws {
        let date = try day("0999-01-05")
        #expect(date.description == "0999-01-05")
        #expect(String(decoding: try JSONEncoder().encode([date]), as: UTF8.self) == #"["0999-01-05"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2023-08-20"]"#.utf8)) == [try day("2023-08-20")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["20/08/2023"]"#.utf8)) }
    }

    @Test("Dates order by year, then month, then day")
    func ordering() throws {
        let sorted = try ["2023-08-20", "2022-12-31", "2023-01-31", "2023-08-02"].map { try day($0) }.sorted()
        #expect(sorted.map(\.iso8601) == ["2022-12-31", "2023-01-31", "2023-08-02", "2023-08-20"])
    }

    @Test("A period cannot end before it starts; a single day has no end")
    func periods() throws {
        #expect(DatePeriod(start: try day("2023-08-02"), end: try day("2023-08-01")) == nil)
        let single = try period("2023-08-02")
        #expect(single.end == nil)
        let json = Data(#"{"start": "2023-08-02", "end": "2023-08-01"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DatePeriod.self, from: json) }
    }

    @Test("Months read and print as yyyy-MM", arguments: [("2023-08", true), ("2023-13", false), ("2023-8", false), ("2023-08-01", false)])
    func months(_ text: String, valid: Bool) {
        let month = CalendarMonth(iso8601: text)
        #expect((month != nil) == valid)
        if let month { #expect(month.iso8601 == text) }
    }
}
