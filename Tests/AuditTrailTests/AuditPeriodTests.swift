import AuditTrail
import Foundation
import OCMWCore
import Testing

@Suite("Audit periods")
struct AuditPeriodTests {
    @Test("Belgian days run from Brussels midnight to Brussels midnight, across the summer-time change")
    func belgianDays() throws {
        // November: CET (UTC+1). The last Sunday of October 2026 is the 25th: that day has 25 hours.
        let november = try #require(
            AuditPeriod(
                belgianDaysFrom: DayDate(iso8601: "2026-11-01")!,
                through: DayDate(iso8601: "2026-11-30")!))
        #expect(november.start == Date(timeIntervalSince1970: 1_793_487_600))  // 2026-10-31T23:00:00Z
        #expect(november.end == Date(timeIntervalSince1970: 1_796_079_600))  // 2026-11-30T23:00:00Z
        let changeDay = try #require(
            AuditPeriod(
                belgianDaysFrom: DayDate(iso8601: "2026-10-25")!,
                through: DayDate(iso8601: "2026-10-25")!))
        #expect(changeDay.end.timeIntervalSince(changeDay.start) == 25 * 3600)
    }

    @Test("A period whose end is before its start does not exist")
    func reversed() {
        #expect(AuditPeriod(belgianDaysFrom: DayDate(iso8601: "2026-11-02")!, through: DayDate(iso8601: "2026-11-01")!) == nil)
        #expect(AuditPeriod(start: Date(timeIntervalSince1970: 1), end: Date(timeIntervalSince1970: 0)) == nil)
    }

    @Test("Retention: 400 days by default, the cutoff that many days back, no zero or negative retention")
    func retention() throws {
        #expect(AuditRetention.default.days == 400)
        let now = Date(timeIntervalSince1970: 1_794_744_000)
        #expect(AuditRetention.default.cutoff(now: now) == now.addingTimeInterval(-400 * 86_400))
        #expect(AuditRetention(days: 0) == nil)
        #expect(AuditRetention(days: -1) == nil)
    }
}
