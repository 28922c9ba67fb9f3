import Foundation
import OCMWCore
import Testing

@Suite("DayDate: the calendar day of routing periods")
struct RoutingDayDateTests {
    @Test("ISO text round-trips and keeps leading zeros", arguments: ["2025-03-01", "0001-01-01", "9999-12-31", "2024-02-29"])
    func isoRoundTrip(text: String) throws {
        let day = try #require(DayDate(iso8601: text))
        #expect(day.iso8601 == text)
    }

    @Test(
        "Malformed or non-existent days are refused",
        arguments: [
            "2025-3-01", "2025-03-1", "20250301", "2025-02-29", "2025-13-01", "2025-00-10", "0000-01-01",
            "2025-03-01 ", "2025/03/01", "２０２５-03-01", "", "2025-03-011",
        ])
    func refused(text: String) {
        #expect(DayDate(iso8601: text) == nil)
    }

    @Test("ISO text sorts exactly like the days, which the SQLite index relies on")
    func textOrderIsDayOrder() throws {
        let days = try ["1999-12-31", "2000-01-01", "2000-02-29", "2000-10-01", "2024-09-30", "2024-10-01"]
            .map { try #require(DayDate(iso8601: $0)) }
        for (a, b) in zip(days, days.dropFirst()) {
            #expect(a < b)
            #expect(a.iso8601 < b.iso8601)
        }
    }

    @Test("Days since the epoch round-trip across leap years and centuries")
    func epochRoundTrip() throws {
        #expect(DayDate(iso8601: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(DayDate(iso8601: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(DayDate(iso8601: "1900-03-01")?.daysSinceEpoch == -25_508)
        var previous = try #require(DayDate(daysSinceEpoch: -30_000))
        for days in -29_999...30_000 {
            let day = try #require(DayDate(daysSinceEpoch: days))
            #expect(day.daysSinceEpoch == days)
            #expect(previous < day)
            previous = day
        }
        #expect(DayDate(daysSinceEpoch: DayDate.latest.daysSinceEpoch + 1) == nil)
        #expect(DayDate.latest.adding(days: 1) == nil)
        #expect(DayDate(iso8601: "2024-02-28")?.adding(days: 1)?.iso8601 == "2024-02-29")
        #expect(DayDate(iso8601: "2025-01-01")?.adding(days: -1)?.iso8601 == "2024-12-31")
    }

    @Test("A Foundation date gives its UTC day, or the day at a given offset")
    func fromFoundationDate() {
        // 2025-03-01T23:30:00Z: still 1 March in UTC, already 2 March in Brussels (UTC+1).
        let instant = Date(timeIntervalSince1970: 1_740_871_800)
        #expect(DayDate(instant).iso8601 == "2025-03-01")
        #expect(DayDate(instant, utcOffsetSeconds: 3_600).iso8601 == "2025-03-02")
        #expect(DayDate(Date(timeIntervalSince1970: -1)).iso8601 == "1969-12-31")
        #expect(DayDate(Date(timeIntervalSince1970: 1e15)) == .latest)
    }

    @Test("Codable as a yyyy-MM-dd string; anything else fails to decode")
    func codable() throws {
        let day = try #require(DayDate(iso8601: "2023-11-05"))
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == #"["2023-11-05"]"#)
        #expect(try JSONDecoder().decode([DayDate].self, from: json) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DayDate].self, from: Data(#"["05/11/2023"]"#.utf8)) }
    }
}
