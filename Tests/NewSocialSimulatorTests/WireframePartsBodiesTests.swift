import OCMWCore
import Testing

@testable import NewSocialSimulator

/// The wireframe citizen's rights, trajectories, requests and certificates over a real socket,
/// compared with the contract in docs/newsocial-api.md.
@Suite("Wireframe citizen's other parts over the wire")
struct WireframePartsBodiesTests {
    static let insz = DemoCitizens.wireframeINSZ

    static let v2Rights =
        #"{"insz":"85073003328","rights":["#
        + [
            #"{"code":"LL","label":"Leefloon","decisionStatus":"granted","since":"2023-03-01","until":"2024-02-29","monthlyAmountCents":null,"conditional":true}"#,
            #"{"code":"AFH","label":"Aanvullende financiële hulp","decisionStatus":"granted","since":"2023-03-01","until":"2024-02-29","monthlyAmountCents":11000,"conditional":true}"#,
            #"{"code":"SP","label":"Stookoliepremie","decisionStatus":"refused","since":"2023-01-01","until":"2023-12-31","monthlyAmountCents":null,"conditional":false}"#,
            #"{"code":"MK","label":"Tussenkomst medische kosten","decisionStatus":"pending","since":"2023-09-01","until":null,"monthlyAmountCents":null,"conditional":false}"#,
        ].joined(separator: ",") + "]}"
    static let v1Rights =
        #"{"rijksregisternummer":"85073003328","rechten":["#
        + [
            #"{"code":"LL","omschrijving":"Leefloon","beslissing":"TOEGEKEND","vanaf":"01/03/2023","tot":"29/02/2024","maandbedrag":"","voorwaardelijk":"J"}"#,
            #"{"code":"AFH","omschrijving":"Aanvullende financiële hulp","beslissing":"TOEGEKEND","vanaf":"01/03/2023","tot":"29/02/2024","maandbedrag":"110,00","voorwaardelijk":"J"}"#,
            #"{"code":"SP","omschrijving":"Stookoliepremie","beslissing":"GEWEIGERD","vanaf":"01/01/2023","tot":"31/12/2023","maandbedrag":"","voorwaardelijk":"N"}"#,
            #"{"code":"MK","omschrijving":"Tussenkomst medische kosten","beslissing":"IN_BEHANDELING","vanaf":"01/09/2023","tot":"","maandbedrag":"","voorwaardelijk":"N"}"#,
        ].joined(separator: ",") + "]}"

    static let v2FirstTrajectory =
        #"{"insz":"85073003328","trajectories":[{"code":"LL","label":"Leefloon en budgetbeheer","#
        + #""since":"2022-08-01","until":null,"contacts":[{"name":"Inge Claus","role":"maatschappelijk werker","#
        + #""phone":"0475/895742","email":"inge.claus@ocmw.gent","office":{"name":"Welzijnsbureau Sint-Amandsberg","#
        + #""streetAndNumber":"Wittemolenstraat 89","postalCode":"9040","municipality":"Sint-Amandsberg"}}]},"#
    static let v1FirstTrajectory =
        #"{"rijksregisternummer":"85073003328","trajecten":[{"code":"LL","#
        + #""omschrijving":"Leefloon en budgetbeheer","vanaf":"01/08/2022","tot":"","contactpersonen":[{"naam":"Inge Claus","#
        + #""functie":"maatschappelijk werker","telefoon":"0475/895742","email":"inge.claus@ocmw.gent","#
        + #""kantoor":"Welzijnsbureau Sint-Amandsberg","straatEnNummer":"Wittemolenstraat 89","postcode":"9040","#
        + #""gemeente":"Sint-Amandsberg"}]},"#

    static let v2Requests =
        #"{"insz":"85073003328","requests":["#
        + [
            #"{"dossierNumber":"2023/155","kindCode":"AFH","kindLabel":"Aanvullende financiële hulp","submittedDate":"2023-09-12","status":"inProgress","decisionDate":null,"decisionExpected":true,"caseWorker":{"name":"Inge Claus","role":"maatschappelijk werker","phone":"0475/895742","email":"inge.claus@ocmw.gent","office":{"name":"Welzijnsbureau Sint-Amandsberg","streetAndNumber":"Wittemolenstraat 89","postalCode":"9040","municipality":"Sint-Amandsberg"}}}"#,
            #"{"dossierNumber":"2023/155","kindCode":"AH","kindLabel":"Administratieve hulp","submittedDate":"2023-09-12","status":"inProgress","decisionDate":null,"decisionExpected":false,"caseWorker":{"name":"Inge Claus","role":"maatschappelijk werker","phone":"0475/895742","email":"inge.claus@ocmw.gent","office":{"name":"Welzijnsbureau Sint-Amandsberg","streetAndNumber":"Wittemolenstraat 89","postalCode":"9040","municipality":"Sint-Amandsberg"}}}"#,
            #"{"dossierNumber":"2023/034","kindCode":"LL","kindLabel":"Leefloon","submittedDate":"2023-02-06","status":"decided","decisionDate":"2023-02-22","decisionExpected":true,"caseWorker":{"name":"Inge Claus","role":"maatschappelijk werker","phone":"0475/895742","email":"inge.claus@ocmw.gent","office":{"name":"Welzijnsbureau Sint-Amandsberg","streetAndNumber":"Wittemolenstraat 89","postalCode":"9040","municipality":"Sint-Amandsberg"}}}"#,
            #"{"dossierNumber":"2022/412","kindCode":"BB","kindLabel":"Budgetbegeleiding","submittedDate":"2022-08-01","status":"closed","decisionDate":null,"decisionExpected":false,"caseWorker":null}"#,
        ].joined(separator: ",") + "]}"
    static let v1Requests =
        #"{"rijksregisternummer":"85073003328","aanvragen":["#
        + [
            #"{"dossiernummer":"2023/155","soortCode":"AFH","soort":"Aanvullende financiële hulp","indieningsdatum":"12/09/2023","status":"IN_BEHANDELING","beslissingsdatum":"","beslissingVerwacht":"J","dossierbeheerder":{"naam":"Inge Claus","functie":"maatschappelijk werker","telefoon":"0475/895742","email":"inge.claus@ocmw.gent","kantoor":"Welzijnsbureau Sint-Amandsberg","straatEnNummer":"Wittemolenstraat 89","postcode":"9040","gemeente":"Sint-Amandsberg"}}"#,
            #"{"dossiernummer":"2023/155","soortCode":"AH","soort":"Administratieve hulp","indieningsdatum":"12/09/2023","status":"IN_BEHANDELING","beslissingsdatum":"","beslissingVerwacht":"N","dossierbeheerder":{"naam":"Inge Claus","functie":"maatschappelijk werker","telefoon":"0475/895742","email":"inge.claus@ocmw.gent","kantoor":"Welzijnsbureau Sint-Amandsberg","straatEnNummer":"Wittemolenstraat 89","postcode":"9040","gemeente":"Sint-Amandsberg"}}"#,
            #"{"dossiernummer":"2023/034","soortCode":"LL","soort":"Leefloon","indieningsdatum":"06/02/2023","status":"BESLIST","beslissingsdatum":"22/02/2023","beslissingVerwacht":"J","dossierbeheerder":{"naam":"Inge Claus","functie":"maatschappelijk werker","telefoon":"0475/895742","email":"inge.claus@ocmw.gent","kantoor":"Welzijnsbureau Sint-Amandsberg","straatEnNummer":"Wittemolenstraat 89","postcode":"9040","gemeente":"Sint-Amandsberg"}}"#,
            #"{"dossiernummer":"2022/412","soortCode":"BB","soort":"Budgetbegeleiding","indieningsdatum":"01/08/2022","status":"AFGESLOTEN","beslissingsdatum":"","beslissingVerwacht":"N","dossierbeheerder":null}"#,
        ].joined(separator: ",") + "]}"

    static let v2Certificates =
        #"{"insz":"85073003328","certificates":["#
        + [
            #"{"id":"ATT-2023-0042","typeCode":"ATT-LL","typeLabel":"Attest leefloon","status":"available","requestedDate":"2023-09-01","issuedDate":"2023-09-04"}"#,
            #"{"id":"ATT-2023-0057","typeCode":"ATT-STEUN","typeLabel":"Attest ontvangen steun","status":"requested","requestedDate":"2023-09-20","issuedDate":null}"#,
        ].joined(separator: ",") + "]}"

    static let contactNames = ["Inge Claus", "Bart Van Brabant", "Michiel Declercq", "Eva De Mol", "Frans Ferdinand"]

    @Test("v2 rights, trajectories, requests and certificates")
    func v2Bodies() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v2)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let base = "/api/v2/citizens/\(Self.insz)"
            let rights = try connection.get(base + "/rights")
            #expect(rights.status == 200 && rights.headers["content-type"] == "application/json")
            #expect(rights.body == Self.v2Rights)
            let trajectories = try connection.get(base + "/trajectories").body
            #expect(trajectories.hasPrefix(Self.v2FirstTrajectory))
            #expect(Self.contactNames.allSatisfy { trajectories.contains(#""name":"\#($0)""#) })
            #expect(try connection.get(base + "/requests").body == Self.v2Requests)
            #expect(try connection.get(base + "/certificates").body == Self.v2Certificates)
        }
    }

    @Test("v1 rechten, trajecten and aanvragen, in Belgian notation")
    func v1Bodies() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v1)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let base = "/nsapi/v1/dossiers/\(Self.insz)"
            #expect(try connection.get(base + "/rechten").body == Self.v1Rights)
            let trajectories = try connection.get(base + "/trajecten").body
            #expect(trajectories.hasPrefix(Self.v1FirstTrajectory))
            #expect(Self.contactNames.allSatisfy { trajectories.contains(#""naam":"\#($0)""#) })
            #expect(try connection.get(base + "/aanvragen").body == Self.v1Requests)
        }
    }

    @Test("an available certificate downloads as a PDF; a requested or unknown one is a 404")
    func certificateDocument() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v2)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let base = "/api/v2/citizens/\(Self.insz)/certificates"
            let document = try connection.get(base + "/ATT-2023-0042/document", headers: ["Accept": "application/pdf"])
            #expect(document.status == 200)
            #expect(document.headers["content-type"] == "application/pdf")
            #expect(document.bytes.starts(with: Array("%PDF-".utf8)))
            #expect(document.headers["content-length"] == String(document.bytes.count))
            #expect(try connection.get(base + "/ATT-2023-0042/document").bytes == document.bytes)
            let requested = try connection.get(base + "/ATT-2023-0057/document")
            #expect(requested.status == 404 && requested.body == #"{"error":"certificate not available"}"#)
            let unknown = try connection.get(base + "/ATT-1999-0001/document")
            #expect(unknown.status == 404 && unknown.body == #"{"error":"unknown certificate"}"#)
            let stranger = try connection.get("/api/v2/citizens/\(DemoCitizens.unknownINSZ)/certificates/ATT-2023-0042/document")
            #expect(stranger.status == 404 && stranger.body == #"{"error":"unknown citizen"}"#)
        }
    }

    @Test("v1 has no certificates API: its paths are a 404")
    func v1HasNoCertificates() async throws {
        try await Fixture.withSimulator([SimulatedBackend(tenant: Fixture.gent, dialect: .v1)]) { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            for path in ["/certificates", "/attesten", "/certificates/ATT-2023-0042/document"] {
                let response = try connection.get("/nsapi/v1/dossiers/\(Self.insz)" + path)
                #expect(response.status == 404 && response.body == #"{"error":"not found"}"#, "\(path)")
            }
        }
    }
}
