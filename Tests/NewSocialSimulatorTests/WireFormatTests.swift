import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Wire formats and routing")
struct WireFormatTests {
    @Test(
        "Belgian money notation",
        arguments: [
            (0, "0,00"), (5, "0,05"), (7_196, "71,96"), (30_000, "300,00"), (100_000, "1.000,00"),
            (272_196, "2.721,96"), (123_456_789, "1.234.567,89"), (-2_500, "-25,00"),
        ])
    func money(cents: Int, text: String) {
        #expect(BelgianNotation.money(cents: cents) == text)
    }

    @Test("v1 periods and dates")
    func periods() {
        #expect(BelgianNotation.period(DayDate.literal(2023, 8, 25), nil) == "25/08/2023")
        #expect(BelgianNotation.period(DayDate.literal(2022, 8, 1), DayDate.literal(2023, 9, 30)) == "01/08/2022-30/09/2023")
        #expect(BelgianNotation.date(nil) == "")
    }

    @Test(
        "v1 months read as MM/yyyy",
        arguments: [
            ("08/2023", "2023-08"), ("12/0001", "0001-12"), ("13/2023", nil), ("8/2023", nil), ("08-2023", nil),
            ("08/23", nil), ("2023-08", nil), ("08/2023/01", nil), ("", nil),
        ])
    func belgianMonths(text: String, iso: String?) {
        #expect(CalendarMonth(belgian: text[...])?.iso8601 == iso)
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}é").serialized == #""a\"b\\c\nd\u0001é""#)
    }

    let v2 = Responder(tenant: Fixture.gent, dialect: .v2, dataset: Fixture.dataset)
    let v1 = Responder(tenant: Fixture.gent, dialect: .v1, dataset: Fixture.dataset)

    @Test(
        "status codes per path",
        arguments: [
            ("/api/v2/citizens/85073003328", 200),
            ("/api/v2/citizens/85073003328/debts", 200),
            ("/api/v2/citizens/85073003328/payments?from=2023-08&to=2023-08", 200),
            ("/api/v2/citizens/78110512384", 404),
            ("/api/v2/citizens/85073003329", 400),
            ("/api/v2/citizens/8507300332", 400),
            ("/api/v2/citizens/85.07.30-033.28", 400),
            ("/api/v2/citizens/85073003328/payments", 400),
            ("/api/v2/citizens/85073003328/payments?from=2023-09&to=2023-08", 400),
            ("/api/v2/citizens/85073003328/rights", 200),
            ("/api/v2/citizens/85073003328/trajectories", 200),
            ("/api/v2/citizens/85073003328/requests", 200),
            ("/api/v2/citizens/85073003328/certificates", 200),
            ("/api/v2/citizens/85073003328/certificates/ATT-2023-0042/document", 200),
            ("/api/v2/citizens/85073003328/certificates/ATT%2D2023%2D0042/document", 200),
            ("/api/v2/citizens/85073003328/certificates/ATT-2023-0057/document", 404),
            ("/api/v2/citizens/85073003328/certificates/ATT-2023-0042", 404),
            ("/api/v2/citizens/85073003328/certificates/%ZZ/document", 404),
            ("/api/v2/citizens/78110512384/rights", 404),
            ("/api/v2/citizens/85073003329/requests", 400),
            ("/api/v2/citizens/85073003328/schulden", 404),
            ("/api/v2/citizens/85073003328/rechten", 404),
            ("/api/v2/elsewhere", 404),
            ("/nsapi/v1/dossiers/85073003328", 404),
            ("/", 404),
        ])
    func v2Status(uri: String, status: Int) {
        #expect(v2.respond(method: "GET", uri: uri, currentYear: 2026).status == status)
    }

    @Test(
        "v1 paths answer, v2 paths do not, on a v1 backend",
        arguments: [
            ("/nsapi/v1/dossiers/85073003328", 200),
            ("/nsapi/v1/dossiers/85073003328/schulden", 200),
            ("/nsapi/v1/dossiers/85073003328/betalingen?van=08/2023&tot=08/2023", 200),
            ("/nsapi/v1/dossiers/85073003328/betalingen?van=08%2F2023&tot=08%2F2023", 200),
            ("/nsapi/v1/dossiers/85073003328/betalingen?van=2023-08&tot=2023-08", 400),
            ("/nsapi/v1/dossiers/85073003328/rechten", 200),
            ("/nsapi/v1/dossiers/85073003328/trajecten", 200),
            ("/nsapi/v1/dossiers/85073003328/aanvragen", 200),
            ("/nsapi/v1/dossiers/85073003328/certificates", 404),
            ("/nsapi/v1/dossiers/85073003328/rights", 404),
            ("/nsapi/v1/dossiers/78110512384/schulden", 404),
            ("/api/v2/citizens/85073003328", 404),
        ])
    func v1Status(uri: String, status: Int) {
        #expect(v1.respond(method: "GET", uri: uri, currentYear: 2026).status == status)
    }

    @Test("unknown citizen body, and only GET is served")
    func unknownAndMethod() {
        #expect(
            v2.respond(method: "GET", uri: "/api/v2/citizens/78110512384", currentYear: 2026)
                == WireResponse(status: 404, contentType: "application/json", body: Array(#"{"error":"unknown citizen"}"#.utf8)))
        #expect(v2.respond(method: "POST", uri: "/api/v2/citizens/85073003328", currentYear: 2026).status == 405)
    }

    @Test("payments are selected by the month their period starts in")
    func paymentRange() {
        let july = v2.respond(method: "GET", uri: "/api/v2/citizens/85073003328/payments?from=2023-06&to=2023-07", currentYear: 2026)
        #expect(july.text == #"{"insz":"85073003328","payments":[]}"#)
        let wide = v2.respond(method: "GET", uri: "/api/v2/citizens/85073003328/payments?from=2023-01&to=2023-12", currentYear: 2026)
        #expect(wide.text.components(separatedBy: "\"label\"").count - 1 == 7)
    }

    @Test("a citizen of another tenant is unknown here")
    func otherTenant() {
        let bonheiden = Responder(tenant: Fixture.bonheiden, dialect: .v1, dataset: Fixture.dataset)
        #expect(bonheiden.respond(method: "GET", uri: "/nsapi/v1/dossiers/85073003328", currentYear: 2026).status == 404)
        #expect(bonheiden.respond(method: "GET", uri: "/nsapi/v1/dossiers/90031204551", currentYear: 2026).status == 200)
    }
}
