import AdminUI
import DemoSupport
import Foundation
import Observability
import ProxyTesting
import Testing

@testable import ProxyServer

/// The pure pieces behind the pages: money and dates in Dutch, the rolling call window, sessions.
@Suite struct PageFormattingTests {
    @Test(arguments: [
        (272_196, "€ 2.721,96"), (297_196, "€ 2.971,96"), (6_200, "€ 62,00"), (5, "€ 0,05"), (0, "€ 0,00"),
        (100_000_000, "€ 1.000.000,00"), (-1_050, "- € 10,50"), (11_000, "€ 110,00"),
    ])
    func moneyIsWrittenTheDutchWay(cents: Int, expected: String) {
        #expect(DutchFormat.money(cents: cents) == expected)
    }

    @Test func daysPeriodsAndMonths() {
        #expect(DutchFormat.day("2023-08-20") == "20/08/2023")
        #expect(DutchFormat.period(start: "2022-08-01", end: "2023-09-30") == "01/08/2022-30/09/2023")
        #expect(DutchFormat.period(start: "2023-08-25", end: nil) == "25/08/2023")
        #expect(DutchFormat.openPeriod(start: "2023-03-01", end: nil) == "vanaf 01/03/2023")
        #expect(DutchFormat.month("2023-08") == "augustus 2023")
        #expect(DutchFormat.municipality(ofOCMW: "OCMW Gent") == "Gent")
    }

    @Test func theWindowSummarisesOnlyRecentCallsWithNearestRankPercentiles() {
        let start = ContinuousClock.now
        var window = RecentCallWindow<ContinuousClock.Instant>(capacity: 200)
        window.record(at: start, duration: .seconds(9), failed: true)  // will fall out of the window
        for ms in 1...100 {
            window.record(at: start + .seconds(100), duration: .milliseconds(ms), failed: ms > 90)
        }
        let summary = window.summary(now: start + .seconds(120), window: .seconds(60))
        #expect(summary.calls == 100)
        #expect(summary.failures == 10)
        #expect(summary.errorRate == 0.1)
        #expect(summary.p50Ms == 50)
        #expect(summary.p99Ms == 99)
        #expect(window.summary(now: start + .seconds(500), window: .seconds(60)) == .init(calls: 0, failures: 0))
    }

    @Test func theWindowKeepsAtMostItsCapacity() {
        let now = ContinuousClock.now
        var window = RecentCallWindow<ContinuousClock.Instant>(capacity: 4)
        for ms in 1...10 { window.record(at: now, duration: .milliseconds(ms), failed: false) }
        let summary = window.summary(now: now, window: .seconds(1))
        #expect(summary.calls == 4)
        #expect(summary.p99Ms == 10)
        #expect(summary.p50Ms == 8, "the newest four: 7, 8, 9, 10")
    }

    @Test func sessionsExpireEndAtSignOutAndLiveOnlyWhereTheyWereOpened() async throws {
        let security = try await TestSecurity()
        let sessions = AdminSessions(credential: security.security.admin, lifetime: .seconds(60))
        let now = Date()
        let value = sessions.newSession(now: now)
        #expect(sessions.isValidSession(value, now: now))
        #expect(!sessions.isValidSession(value, now: now.addingTimeInterval(61)))
        let kept = sessions.newSession(now: now)
        let ended = sessions.newSession(now: now)
        sessions.endSession(ended)
        #expect(!sessions.isValidSession(ended, now: now), "signed out: the cookie is refused")
        #expect(sessions.isValidSession(kept, now: now), "other sessions stay open")
        let other = AdminSessions(credential: security.security.admin)
        #expect(!other.isValidSession(kept, now: now), "a session is known only where it was opened (a restart ends it)")
        #expect(!sessions.isValidSession("garbage", now: now))
    }

    @Test func openSessionsAreBoundedAndTheOldestGoesFirst() async throws {
        let sessions = AdminSessions(credential: try await TestSecurity().security.admin, lifetime: .seconds(60))
        let start = Date()
        let first = sessions.newSession(now: start)
        var last = first
        for second in 1...(AdminSessions.maxOpenSessions + 10) {
            last = sessions.newSession(now: start.addingTimeInterval(Double(second) / 100))
        }
        #expect(sessions.openSessionCount == AdminSessions.maxOpenSessions)
        #expect(!sessions.isValidSession(first, now: start), "the oldest made room")
        #expect(sessions.isValidSession(last, now: start))
    }

    @Test func aLinkCodeWorksOnceAndNotAfterItExpires() async throws {
        let sessions = AdminSessions(credential: try await TestSecurity().security.admin, linkLifetime: .seconds(10))
        let now = Date()
        let code = sessions.newLinkCode(now: now)
        #expect(sessions.redeem(linkCode: code, now: now))
        #expect(!sessions.redeem(linkCode: code, now: now))
        let late = sessions.newLinkCode(now: now)
        #expect(!sessions.redeem(linkCode: late, now: now.addingTimeInterval(11)))
        #expect(!sessions.redeem(linkCode: "made-up", now: now))
    }
}
