import OCMWCore
import Testing

@testable import NewSocialSimulator

/// The wireframe citizen's bodies, fetched over a real socket, compared byte for byte with the
/// contract in docs/newsocial-api.md.
@Suite("Wireframe citizen over the wire")
struct WireframeBodiesTests {
    static let insz = DemoCitizens.wireframeINSZ

    static let v2Citizen = #"{"insz":"85073003328","dossiers":[{"capacity":"LL","since":"2022-08-01","until":null}]}"#
    static let v2Debts =
        #"{"insz":"85073003328","reference":"568974","contact":{"name":"Frans Ferdinand","role":"Dossierbeheerder schulden","#
        + #""phone":"0475/885848","email":"frans.ferdinand@ocmw.gent","office":{"name":"Dienst Financiën","#
        + #""streetAndNumber":"Franklin Rooseveltlaan 1","postalCode":"9000","municipality":"Gent"}},"debts":["#
        + [
            #"{"description":"Verhuur","periodStart":"2023-08-20","periodEnd":null,"decisionDate":"2023-08-15","decisionPoint":"223","originalCents":30000,"outstandingCents":30000}"#,
            #"{"description":"Prothese","periodStart":"2023-07-03","periodEnd":null,"decisionDate":"2023-06-01","decisionPoint":"358","originalCents":68000,"outstandingCents":68000}"#,
            #"{"description":"Verplooiingsvergoeding","periodStart":"2023-04-20","periodEnd":null,"decisionDate":null,"decisionPoint":null,"originalCents":2000,"outstandingCents":2000}"#,
            #"{"description":"Karwei","periodStart":"2023-04-20","periodEnd":null,"decisionDate":null,"decisionPoint":null,"originalCents":7196,"outstandingCents":7196}"#,
            #"{"description":"Huurwaarborg","periodStart":"2022-10-01","periodEnd":null,"decisionDate":"2022-10-10","decisionPoint":"157","originalCents":90000,"outstandingCents":90000}"#,
            #"{"description":"Leefloon","periodStart":"2022-08-01","periodEnd":"2023-09-30","decisionDate":"2022-10-08","decisionPoint":"122","originalCents":100000,"outstandingCents":75000}"#,
            #"{"description":"Speelpleinwerking","periodStart":"2022-07-01","periodEnd":"2022-07-31","decisionDate":null,"decisionPoint":null,"originalCents":6200,"outstandingCents":0}"#,
        ].joined(separator: ",") + "]}"
    static let v2Payments =
        #"{"insz":"85073003328","payments":["#
        + [
            #"{"label":"leefloon","amountCents":45000,"periodStart":"2023-08-01","periodEnd":"2023-08-18","paymentDate":"2023-09-02","statusCode":3,"status":null,"automatic":false,"paidTo":null,"paidVia":"aan kassa"}"#,
            #"{"label":"inhouding schuld OCMW (partner)","amountCents":2500,"periodStart":"2023-08-01","periodEnd":"2023-08-31","paymentDate":"2023-09-02","statusCode":3,"status":null,"automatic":false,"paidTo":"OCMW Gent","paidVia":null}"#,
            #"{"label":"inhouding energiekosten","amountCents":13025,"periodStart":"2023-08-01","periodEnd":"2023-08-31","paymentDate":"2023-09-02","statusCode":3,"status":null,"automatic":false,"paidTo":"Engie","paidVia":null}"#,
            #"{"label":"medische kosten","amountCents":5543,"periodStart":"2023-08-25","periodEnd":null,"paymentDate":"2023-08-25","statusCode":3,"status":null,"automatic":false,"paidTo":"AZ Jan Palfijn","paidVia":null}"#,
            #"{"label":"leefloon","amountCents":33956,"periodStart":"2023-08-19","periodEnd":"2023-08-31","paymentDate":null,"statusCode":3,"status":null,"automatic":true,"paidTo":null,"paidVia":null}"#,
            #"{"label":"aanvullende financiële hulp","amountCents":15845,"periodStart":"2023-08-01","periodEnd":"2023-08-31","paymentDate":null,"statusCode":2999,"status":null,"automatic":false,"paidTo":null,"paidVia":null}"#,
            #"{"label":"inhouding huishuur","amountCents":58986,"periodStart":"2023-08-01","periodEnd":"2023-08-31","paymentDate":null,"statusCode":1,"status":1,"automatic":false,"paidTo":null,"paidVia":null}"#,
        ].joined(separator: ",") + "]}"

    static let v1Dossier = #"{"rijksregisternummer":"85073003328","dossiers":[{"hoedanigheid":"LL","vanaf":"01/08/2022","tot":""}]}"#
    static let v1Debts =
        #"{"rijksregisternummer":"85073003328","referentie":"568974","contactpersoon":{"naam":"Frans Ferdinand","#
        + #""functie":"Dossierbeheerder schulden","telefoon":"0475/885848","email":"frans.ferdinand@ocmw.gent","#
        + #""kantoor":"Dienst Financiën","straatEnNummer":"Franklin Rooseveltlaan 1","postcode":"9000","gemeente":"Gent"},"#
        + #""schulden":["#
        + [
            #"{"omschrijving":"Verhuur","periode":"20/08/2023","beslissingsdatum":"15/08/2023","agendapunt":"223","oorspronkelijkBedrag":"300,00","openstaandSaldo":"300,00"}"#,
            #"{"omschrijving":"Prothese","periode":"03/07/2023","beslissingsdatum":"01/06/2023","agendapunt":"358","oorspronkelijkBedrag":"680,00","openstaandSaldo":"680,00"}"#,
            #"{"omschrijving":"Verplooiingsvergoeding","periode":"20/04/2023","beslissingsdatum":"","agendapunt":"","oorspronkelijkBedrag":"20,00","openstaandSaldo":"20,00"}"#,
            #"{"omschrijving":"Karwei","periode":"20/04/2023","beslissingsdatum":"","agendapunt":"","oorspronkelijkBedrag":"71,96","openstaandSaldo":"71,96"}"#,
            #"{"omschrijving":"Huurwaarborg","periode":"01/10/2022","beslissingsdatum":"10/10/2022","agendapunt":"157","oorspronkelijkBedrag":"900,00","openstaandSaldo":"900,00"}"#,
            #"{"omschrijving":"Leefloon","periode":"01/08/2022-30/09/2023","beslissingsdatum":"08/10/2022","agendapunt":"122","oorspronkelijkBedrag":"1.000,00","openstaandSaldo":"750,00"}"#,
            #"{"omschrijving":"Speelpleinwerking","periode":"01/07/2022-31/07/2022","beslissingsdatum":"","agendapunt":"","oorspronkelijkBedrag":"62,00","openstaandSaldo":"0,00"}"#,
        ].joined(separator: ",") + "]}"
    static let v1Payments =
        #"{"rijksregisternummer":"85073003328","betalingen":["#
        + [
            #"{"steun":"leefloon","bedrag":"450,00","periode":"01/08/2023-18/08/2023","betaaldatum":"02/09/2023","betaalcode":"3","betaalstatus":"","automatisch":"N","betaaldAan":"","betaaldVia":"aan kassa"}"#,
            #"{"steun":"inhouding schuld OCMW (partner)","bedrag":"25,00","periode":"01/08/2023-31/08/2023","betaaldatum":"02/09/2023","betaalcode":"3","betaalstatus":"","automatisch":"N","betaaldAan":"OCMW Gent","betaaldVia":""}"#,
            #"{"steun":"inhouding energiekosten","bedrag":"130,25","periode":"01/08/2023-31/08/2023","betaaldatum":"02/09/2023","betaalcode":"3","betaalstatus":"","automatisch":"N","betaaldAan":"Engie","betaaldVia":""}"#,
            #"{"steun":"medische kosten","bedrag":"55,43","periode":"25/08/2023","betaaldatum":"25/08/2023","betaalcode":"3","betaalstatus":"","automatisch":"N","betaaldAan":"AZ Jan Palfijn","betaaldVia":""}"#,
            #"{"steun":"leefloon","bedrag":"339,56","periode":"19/08/2023-31/08/2023","betaaldatum":"","betaalcode":"3","betaalstatus":"","automatisch":"J","betaaldAan":"","betaaldVia":""}"#,
            #"{"steun":"aanvullende financiële hulp","bedrag":"158,45","periode":"01/08/2023-31/08/2023","betaaldatum":"","betaalcode":"2999","betaalstatus":"","automatisch":"N","betaaldAan":"","betaaldVia":""}"#,
            #"{"steun":"inhouding huishuur","bedrag":"589,86","periode":"01/08/2023-31/08/2023","betaaldatum":"","betaalcode":"1","betaalstatus":"1","automatisch":"N","betaaldAan":"","betaaldVia":""}"#,
        ].joined(separator: ",") + "]}"

    @Test("v2 bodies, with JSON content type and the request id echoed")
    func v2Bodies() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v2)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let citizen = try connection.get("/api/v2/citizens/\(Self.insz)", headers: ["X-Request-Id": "req-42"])
            #expect(citizen.status == 200)
            #expect(citizen.headers["content-type"] == "application/json")
            #expect(citizen.headers["x-request-id"] == "req-42")
            #expect(citizen.body == Self.v2Citizen)
            #expect(try connection.get("/api/v2/citizens/\(Self.insz)/debts").body == Self.v2Debts)
            #expect(try connection.get("/api/v2/citizens/\(Self.insz)/payments?from=2023-08&to=2023-08").body == Self.v2Payments)
        }
    }

    @Test("v1 bodies, in Belgian notation")
    func v1Bodies() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v1)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            #expect(try connection.get("/nsapi/v1/dossiers/\(Self.insz)").body == Self.v1Dossier)
            #expect(try connection.get("/nsapi/v1/dossiers/\(Self.insz)/schulden").body == Self.v1Debts)
            #expect(try connection.get("/nsapi/v1/dossiers/\(Self.insz)/betalingen?van=08/2023&tot=08/2023").body == Self.v1Payments)
        }
    }

    @Test("unknown citizen, malformed INSZ and unknown path over the wire")
    func errors() async throws {
        try await Fixture.withSimulator { _, ports in
            let gent = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let unknown = try gent.get("/api/v2/citizens/\(DemoCitizens.unknownINSZ)")
            #expect(unknown.status == 404 && unknown.body == #"{"error":"unknown citizen"}"#)
            #expect(try gent.get("/api/v2/citizens/12345678901").status == 400)
            #expect(try gent.get("/nope").status == 404)
            let bonheiden = try RawHTTPConnection(port: ports[port: Fixture.bonheiden])
            #expect(try bonheiden.get("/nsapi/v1/dossiers/\(Self.insz)").status == 404)
            #expect(try bonheiden.get("/nsapi/v1/dossiers/\(DemoCitizens.twoOCMWINSZ)/schulden").status == 200)
        }
    }
}
