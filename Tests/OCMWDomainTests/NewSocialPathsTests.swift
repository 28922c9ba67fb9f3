import OCMWCore
import OCMWDomain
import Testing

@Suite("New Social request paths")
struct NewSocialPathsTests {
    static func august2023() throws -> MonthRange {
        MonthRange(month: try #require(CalendarMonth(year: 2023, month: 8)))
    }

    @Test("Citizen paths per dialect", arguments: [
        (Dialect.v1, "/nsapi/v1/dossiers/85073003328", "/nsapi/v1/dossiers/85073003328/schulden"),
        (Dialect.v2, "/api/v2/citizens/85073003328", "/api/v2/citizens/85073003328/debts"),
    ])
    func citizenAndDebts(_ dialect: Dialect, citizen: String, debts: String) throws {
        let insz = try Wireframe.insz()
        #expect(NewSocialPaths.citizen(insz: insz, dialect: dialect) == citizen)
        #expect(NewSocialPaths.debts(insz: insz, dialect: dialect) == debts)
    }

    @Test("Payment paths carry the month range in each dialect's notation", arguments: [
        (Dialect.v1, "/nsapi/v1/dossiers/85073003328/betalingen?van=08/2023&tot=08/2023"),
        (Dialect.v2, "/api/v2/citizens/85073003328/payments?from=2023-08&to=2023-08"),
    ])
    func payments(_ dialect: Dialect, expected: String) throws {
        #expect(NewSocialPaths.payments(insz: try Wireframe.insz(), dialect: dialect, months: try Self.august2023()) == expected)
    }

    @Test("A range over a year boundary keeps both ends", arguments: [
        (Dialect.v1, "/nsapi/v1/dossiers/85073003328/betalingen?van=11/2022&tot=02/2023"),
        (Dialect.v2, "/api/v2/citizens/85073003328/payments?from=2022-11&to=2023-02"),
    ])
    func rangeOverYearBoundary(_ dialect: Dialect, expected: String) throws {
        let from = try #require(CalendarMonth(year: 2022, month: 11))
        let to = try #require(CalendarMonth(year: 2023, month: 2))
        let range = try #require(MonthRange(from: from, to: to))
        #expect(NewSocialPaths.payments(insz: try Wireframe.insz(), dialect: dialect, months: range) == expected)
    }

    @Test("A month range cannot run backwards")
    func backwardsRange() throws {
        let from = try #require(CalendarMonth(year: 2023, month: 2))
        let to = try #require(CalendarMonth(year: 2022, month: 11))
        #expect(MonthRange(from: from, to: to) == nil)
    }
}
