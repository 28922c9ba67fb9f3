import OCMWCore
import OCMWDomain
import Testing

@Suite("New Social request paths")
struct NewSocialPathsTests {
    static func august2023() throws -> MonthRange {
        MonthRange(month: try #require(CalendarMonth(year: 2023, month: 8)))
    }

    @Test(
        "Citizen paths per dialect",
        arguments: [
            (Dialect.v1, "/nsapi/v1/dossiers/85073003328", "/nsapi/v1/dossiers/85073003328/schulden"),
            (Dialect.v2, "/api/v2/citizens/85073003328", "/api/v2/citizens/85073003328/debts"),
        ])
    func citizenAndDebts(_ dialect: Dialect, citizen: String, debts: String) throws {
        let insz = try Wireframe.insz()
        #expect(NewSocialPaths.citizen(insz: insz, dialect: dialect) == citizen)
        #expect(NewSocialPaths.debts(insz: insz, dialect: dialect) == debts)
    }

    @Test(
        "Payment paths carry the month range in each dialect's notation",
        arguments: [
            (Dialect.v1, "/nsapi/v1/dossiers/85073003328/betalingen?van=08/2023&tot=08/2023"),
            (Dialect.v2, "/api/v2/citizens/85073003328/payments?from=2023-08&to=2023-08"),
        ])
    func payments(_ dialect: Dialect, expected: String) throws {
        #expect(NewSocialPaths.payments(insz: try Wireframe.insz(), dialect: dialect, months: try Self.august2023()) == expected)
    }

    @Test(
        "A range over a year boundary keeps both ends",
        arguments: [
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

    @Test(
        "Every part has a path in each dialect, except certificates in v1",
        arguments: [
            (DossierPart.ocmws, Dialect.v2, "/api/v2/citizens/85073003328"),
            (.rights, .v2, "/api/v2/citizens/85073003328/rights"),
            (.trajectories, .v2, "/api/v2/citizens/85073003328/trajectories"),
            (.payments, .v2, "/api/v2/citizens/85073003328/payments?from=2023-08&to=2023-08"),
            (.debts, .v2, "/api/v2/citizens/85073003328/debts"),
            (.requests, .v2, "/api/v2/citizens/85073003328/requests"),
            (.certificates, .v2, "/api/v2/citizens/85073003328/certificates"),
            (.ocmws, .v1, "/nsapi/v1/dossiers/85073003328"),
            (.rights, .v1, "/nsapi/v1/dossiers/85073003328/rechten"),
            (.trajectories, .v1, "/nsapi/v1/dossiers/85073003328/trajecten"),
            (.payments, .v1, "/nsapi/v1/dossiers/85073003328/betalingen?van=08/2023&tot=08/2023"),
            (.debts, .v1, "/nsapi/v1/dossiers/85073003328/schulden"),
            (.requests, .v1, "/nsapi/v1/dossiers/85073003328/aanvragen"),
            (.certificates, .v1, nil),
        ] as [(DossierPart, Dialect, String?)])
    func partPaths(_ part: DossierPart, _ dialect: Dialect, expected: String?) throws {
        let path = NewSocialPaths.path(for: part, insz: try Wireframe.insz(), dialect: dialect, months: try Self.august2023())
        #expect(path == expected)
        #expect(part.isOffered(by: dialect) == (expected != nil))
    }

    @Test("The specific path functions agree with the generic one", arguments: Dialect.allCases)
    func specificAgreeWithGeneric(_ dialect: Dialect) throws {
        let insz = try Wireframe.insz(), months = try Self.august2023()
        #expect(
            NewSocialPaths.path(for: .debts, insz: insz, dialect: dialect, months: months)
                == NewSocialPaths.debts(insz: insz, dialect: dialect))
        #expect(
            NewSocialPaths.path(for: .payments, insz: insz, dialect: dialect, months: months)
                == NewSocialPaths.payments(insz: insz, dialect: dialect, months: months))
        #expect(
            NewSocialPaths.path(for: .ocmws, insz: insz, dialect: dialect, months: months)
                == NewSocialPaths.citizen(insz: insz, dialect: dialect))
    }

    @Test("Parts are listed with their JSON names")
    func partNames() {
        #expect(
            DossierPart.allCases.map(\.jsonName)
                == ["ocmws", "rights", "trajectories", "payments", "debts", "requests", "certificates"])
    }

    @Test(
        "A certificate id is one percent-encoded path segment; v1 has no document path",
        arguments: [
            ("ATT-2023-0042", "/api/v2/citizens/85073003328/certificates/ATT-2023-0042/document"),
            ("../../debts?x=1", "/api/v2/citizens/85073003328/certificates/..%2F..%2Fdebts%3Fx%3D1/document"),
            ("..", "/api/v2/citizens/85073003328/certificates/%2E%2E/document"),
            ("attest 1/é", "/api/v2/citizens/85073003328/certificates/attest%201%2F%C3%A9/document"),
        ])
    func certificateDocument(_ id: String, expected: String) throws {
        let insz = try Wireframe.insz()
        #expect(NewSocialPaths.certificateDocument(insz: insz, id: id, dialect: .v2) == expected)
        #expect(NewSocialPaths.certificateDocument(insz: insz, id: id, dialect: .v1) == nil)
    }

    @Test(arguments: ["ATT-2023-0042", "a.b_c-9", ".x", "x.."])
    func idWithinTheContractIsAccepted(id: String) {
        #expect(NewSocialPaths.isCertificateID(id))
    }

    @Test(arguments: ["", ".", "..", "../x", "a/b", "a b", "é", String(repeating: "a", count: 65)])
    func idOutsideTheContractIsNotAnID(id: String) {
        #expect(!NewSocialPaths.isCertificateID(id))
    }
}
