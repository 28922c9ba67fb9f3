import DemoSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Mustache
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

@testable import ProxyServer

/// The demo's citizen page: the public API's `/dossier` answer rendered like Bijlage 4.
@Suite struct CitizenPageTests {
    @Test func theWireframeCitizenSeesTheWireframeAmountsInDutch() async throws {
        try await withPagesProxy { fixture in
            let answer = try await fixture.citizenPage.execute(
                uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)?from=2023-08&to=2023-08", method: .get)
            #expect(answer.status == .ok)
            let page = String(buffer: answer.body)
            #expect(page.contains("U hebt een begeleiding bij het OCMW van Gent."))
            #expect(page.contains(#"<td class="num total-original">€ 2.971,96</td>"#))
            #expect(page.contains(#"<td class="num total-outstanding">€ 2.721,96</td>"#))
            #expect(page.contains("15/08/2023 punt 223"))
            #expect(
                page.contains(#"<tr class="paid-off"><th scope="row">Speelpleinwerking (afbetaald)"#),
                "the paid-off debt is there, hidden until the toggle")
            #expect(page.contains("Toon afbetaalde schulden"))
            #expect(page.contains("Betaald aan u") && page.contains("Betaald voor u") && page.contains("Niet betaald"))
            #expect(page.contains("€ 450,00"))
            #expect(page.contains("Inge Claus") && page.contains("0475/895742"))
            #expect(page.contains("Dossiernummer 2023/155"))
            #expect(page.contains(#"href="/demo/citizens/85073003328/certificates/gent/ATT-2023-0042/document""#))
            #expect(!page.contains("niet beschikbaar"))
        }
    }

    /// The wireframe's privacy choice: contacts, debts one by one and each month's payments sit
    /// behind "Bekijk details"; the totals, the months and "Contact schulden" are in sight, and
    /// the months Gent planned payments for are listed under "Toekomstige betalingen".
    @Test func detailsWaitBehindBekijkDetailsBesideUpcomingPaymentsAndTheDebtsContact() async throws {
        try await withPagesProxy { fixture in
            let august = try await fixture.citizenPage.execute(
                uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)?from=2023-08&to=2023-08", method: .get)
            let page = String(buffer: august.body)
            let month = try #require(page.range(of: #"<div class="month" data-month="2023-08"><h4>Betalingen augustus 2023</h4>"#))
            let details = try #require(
                page.range(of: "<summary>Bekijk details (7 betalingen)</summary>", range: month.upperBound..<page.endIndex))
            #expect(page.range(of: "€ 450,00", range: details.upperBound..<page.endIndex) != nil)
            let debts = try #require(page.range(of: #"<details class="details debt-details"><summary>Bekijk details</summary>"#))
            #expect(page.range(of: "Speelpleinwerking", range: debts.upperBound..<page.endIndex) != nil)
            #expect(page.range(of: #"<td class="num total-outstanding">€ 2.721,96</td>"#, range: page.startIndex..<debts.lowerBound) != nil)
            let trajectories = try #require(page.range(of: #"id="trajectories""#))
            let contacts = try #require(page.range(of: "<summary>Bekijk details</summary>", range: trajectories.upperBound..<page.endIndex))
            #expect(page.range(of: "Inge Claus", range: trajectories.upperBound..<contacts.lowerBound) == nil)
            #expect(page.range(of: "Inge Claus", range: contacts.upperBound..<page.endIndex) != nil)
            let contact = try #require(page.range(of: #"<div class="contact debt-contact"><h4>Contact schulden</h4>"#))
            #expect(page.range(of: "Frans Ferdinand", range: contact.upperBound..<page.endIndex) != nil)
            #expect(!page.contains("Toekomstige betalingen"), "a window in the past has no upcoming payments")

            let current = CalendarMonth(containing: testToday)
            let now = String(
                buffer: try await fixture.citizenPage.execute(uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)", method: .get).body)
            let upcoming = try #require(now.range(of: #"<div class="upcoming"><h4>Toekomstige betalingen</h4>"#))
            #expect(
                now.range(of: "Gepland voor \(DutchFormat.month(current.iso8601))", range: upcoming.upperBound..<now.endIndex) != nil)
            #expect(now.range(of: "€ 789,56", range: upcoming.upperBound..<now.endIndex) != nil)
        }
    }

    /// The wireframe's "< 2022 >": one year of requests, with the years before and after.
    @Test func theRequestsGoByYear() async throws {
        try await withPagesProxy { fixture in
            let all = String(
                buffer: try await fixture.citizenPage.execute(
                    uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)?from=2023-08&to=2023-08", method: .get
                ).body)
            #expect(all.contains(#"<strong class="current-year">Alle jaren</strong>"#))
            #expect(all.contains(#"<a class="previous-year" href="?from=2023-08&amp;to=2023-08&amp;year=2023">&lt; 2023</a>"#), "\(all)")
            let of2022 = String(
                buffer: try await fixture.citizenPage.execute(
                    uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)?from=2023-08&to=2023-08&year=2022", method: .get
                ).body)
            #expect(of2022.contains(#"<strong class="current-year">2022</strong>"#))
            #expect(of2022.contains(#"<a class="next-year" href="?from=2023-08&amp;to=2023-08&amp;year=2023">2023 &gt;</a>"#))
            #expect(!of2022.contains("previous-year"), "no requests before 2022")
            #expect(of2022.contains("Dossiernummer 2022/412"))
            #expect(!of2022.contains("Dossiernummer 2023/155"))
            #expect(of2022.contains(#"class="all-years" href="?from=2023-08&amp;to=2023-08""#))
        }
    }

    @Test func aSickOCMWIsMarkedUnavailablePartByPartAndTheOtherIsIntact() async throws {
        try await withPagesProxy { fixture in
            fixture.simulator.setFault(Fault(errorRate: 1), for: TenantID("bonheiden")!)
            let answer = try await fixture.citizenPage.execute(uri: "/demo/citizens/\(DemoCitizens.twoOCMWINSZ)", method: .get)
            #expect(answer.status == .ok)
            let page = String(buffer: answer.body)
            #expect(page.contains(#"id="incomplete""#))
            #expect(page.contains("U hebt een begeleiding bij het OCMW van Gent."))
            #expect(page.contains("Deze gegevens van OCMW Bonheiden zijn nu niet beschikbaar"))
            let marks = page.components(separatedBy: #"<p class="unavailable" data-part-status=""#).count - 1
            // Rights, trajectories, payments, debts and requests; not certificates, which v1 does
            // not offer (a note, not a failure). Gent has none.
            #expect(marks == 5)
            #expect(page.contains("OCMW Bonheiden biedt dit onderdeel niet aan."))
        }
    }

    @Test func theCertificateLinkDownloadsThePDFAndABadINSZIsRefused() async throws {
        try await withPagesProxy { fixture in
            let pdf = try await fixture.citizenPage.execute(
                uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)/certificates/gent/ATT-2023-0042/document", method: .get)
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(String(buffer: pdf.body).hasPrefix("%PDF-"))
            let bad = try await fixture.citizenPage.execute(uri: "/demo/citizens/12345678901", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func outsideTheDemoThereIsNoCitizenPage() async throws {
        try await withProxyAndSimulator { client, _ in
            let answer = try await client.execute(
                uri: "/demo/citizens/\(DemoCitizens.wireframeINSZ)", method: .get,
                authorization: .none)
            #expect(answer.status == .notFound)
        }
    }

    @Test func backendTextsAreEscaped() throws {
        let json = #"""
            {"complete": true, "ocmws": [{"complete": true, "ocmw": {"id": "gent", "name": "OCMW <b>Gent</b>"}, "parts": {
              "ocmws": {"status": "ok", "data": [{"capacity": "LL", "since": "2023-03-01"}]},
              "rights": {"status": "ok", "data": {"granted": [], "unknownStatusCount": 0}},
              "trajectories": {"status": "ok", "data": [{"label": "Traject", "since": "2023-01-01", "contacts": [
                  {"name": "<script>alert('x')</script>", "email": "a\"onmouseover=\"x@example.be"}]}]},
              "payments": {"status": "timeout", "reason": "timedOut"},
              "debts": {"status": "ok", "data": {"items": [{"description": "<img src=x onerror=alert(1)>",
                  "period": {"start": "2023-04-20"}, "originalCents": 2000, "outstandingCents": 2000, "paidOff": false}],
                  "totals": {"originalCents": 2000, "outstandingCents": 2000}}},
              "requests": {"status": "ok", "data": []},
              "certificates": {"status": "notSupported", "reason": "dialect v1 does not offer certificates"}}}]}
            """#
        let document = try JSONDecoder().decode(DossierDocument.self, from: Data(json.utf8))
        let page = try #require(
            CitizenPageTemplate.library.render(
                CitizenPageView(insz: DemoCitizens.wireframeINSZ, document: document), withTemplate: CitizenPageTemplate.name))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.contains("<b>Gent</b>"))
        #expect(!page.contains(#"a"onmouseover"#), "an attribute value cannot be broken out of")
        #expect(page.contains(#"data-part-status="timeout""#), "the unavailable part is marked")
        #expect(page.contains("€ 20,00"))
    }
}
