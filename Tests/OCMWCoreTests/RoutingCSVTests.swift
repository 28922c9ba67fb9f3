import OCMWCore
import Testing

@Suite("Routing import lines: insz,tenant,capacity,start,end")
struct RoutingCSVTests {
    static let known: Set<TenantID> = [TenantID("gent")!, TenantID("bonheiden")!]

    func parse(_ line: String) throws(RoutingCSVError) -> RoutingRegistration {
        try RoutingCSV.parse(line, currentYear: 2026, isKnownTenant: Self.known.contains)
    }

    @Test("A valid line with an open period and one with an end date")
    func validLines() throws {
        let open = try parse("85073003328,gent,LL,2024-01-01,")
        #expect(open.insz.digits == "85073003328")
        #expect(open.tenant.rawValue == "gent")
        #expect(open.capacity == "LL")
        #expect(open.period.start.iso8601 == "2024-01-01")
        #expect(open.period.end == nil)
        let closed = try parse("85.07.30-033.28,bonheiden,AFH,2023-02-01,2023-12-31")
        #expect(closed.period.end?.iso8601 == "2023-12-31")
    }

    @Test("Writing a registration gives back a line that parses to it")
    func roundTrip() throws {
        for line in ["85073003328,gent,LL,2024-01-01,", "17073003384,bonheiden,SB,2020-02-29,2030-01-01"] {
            let registration = try parse(line)
            #expect(RoutingCSV.line(for: registration) == line)
            #expect(try parse(RoutingCSV.line(for: registration)) == registration)
        }
    }

    @Test("The header is recognised whatever its case; a data line is not a header")
    func header() {
        #expect(RoutingCSV.isHeader(RoutingCSV.header))
        #expect(RoutingCSV.isHeader("INSZ,Tenant,Capacity,Start,End"))
        #expect(!RoutingCSV.isHeader("85073003328,gent,LL,2024-01-01,"))
    }

    @Test(
        "Each kind of bad line is rejected with its own reason, never quoting the line",
        arguments: [
            ("85073003328,gent,LL,2024-01-01", "fieldCount"),
            ("85073003328,gent,LL,2024-01-01,,", "fieldCount"),
            ("85073003329,gent,LL,2024-01-01,", "insz.checkDigitMismatch"),
            ("8507300332,gent,LL,2024-01-01,", "insz.wrongLength"),
            ("85073003328,Gent,LL,2024-01-01,", "malformedTenant"),
            ("85073003328,leuven,LL,2024-01-01,", "unknownTenant"),
            ("85073003328,gent,,2024-01-01,", "registration.capacityEmpty"),
            ("85073003328,gent,LL,01/01/2024,", "startDate"),
            ("85073003328,gent,LL,2024-01-01,2024-02-30", "endDate"),
            ("85073003328,gent,LL,2024-01-01,2023-12-31", "registration.endBeforeStart"),
        ])
    func rejected(line: String, reason: String) {
        #expect {
            _ = try parse(line)
        } throws: { error in
            guard let error = error as? RoutingCSVError else { return false }
            return error.reason == reason && !error.description.contains("8507300332")
        }
    }
}
