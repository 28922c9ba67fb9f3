import AdminUI
import Foundation
import Hummingbird
import HummingbirdTesting
import Mustache
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

@testable import ProxyServer

/// The status page on the admin listener: its credential, its content and status.json.
@Suite struct StatusPageTests {
    @Test func thePageAndItsJSONRequireTheAdminCredential() async throws {
        try await withPagesProxy { fixture in
            let page = try await fixture.admin.execute(uri: "/admin", method: .get)
            #expect(page.status == .seeOther, "a browser without a credential is sent to the sign-in form")
            #expect(page.headers[.location] == "/admin/login")
            #expect(!String(buffer: page.body).contains("Tenants"))
            let json = try await fixture.admin.execute(uri: "/admin/status.json", method: .get)
            #expect(json.status == .unauthorized)
            let callerToken = try await fixture.admin.execute(
                uri: "/admin/status.json", method: .get,
                headers: [.authorization: "Bearer \(fixture.api.token)"])
            #expect(callerToken.status == .unauthorized, "a caller token is not the admin credential")
            let forged = try await fixture.admin.execute(
                uri: "/admin", method: .get, headers: [.cookie: "\(AdminSessions.cookieName)=99999999999.AAAA"])
            #expect(forged.status == .seeOther, "a forged session cookie is no credential")
            let ok = try await fixture.admin.execute(uri: "/admin", method: .get, headers: fixture.bearer)
            #expect(ok.status == .ok)
            #expect(ok.headers[.contentType] == "text/html; charset=utf-8")
            #expect(ok.headers[.contentSecurityPolicy]?.contains("script-src 'sha256-") == true)
        }
    }

    @Test func signingInWithTheFormSetsAStrictHttpOnlyCookieGoodForReadsOnly() async throws {
        try await withPagesProxy { fixture in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let wrong = try await fixture.admin.execute(
                uri: "/admin/login", method: .post, headers: form,
                body: ByteBuffer(string: "token=not-the-token"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            let right = try await fixture.admin.execute(
                uri: "/admin/login", method: .post, headers: form,
                body: ByteBuffer(string: "token=\(fixture.adminToken)"))
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/admin")
            let setCookie = try #require(right.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Path=/admin"))
            let cookie: HTTPFields = [.cookie: String(setCookie.prefix { $0 != ";" })]
            let page = try await fixture.admin.execute(uri: "/admin", method: .get, headers: cookie)
            #expect(page.status == .ok)
            let json = try await fixture.admin.execute(uri: "/admin/status.json", method: .get, headers: cookie)
            #expect(json.status == .ok)
            let reload = try await fixture.admin.execute(uri: "/admin/tenants/reload", method: .post, headers: cookie)
            #expect(reload.status == .unauthorized, "a cookie never authorises a write")
        }
    }

    @Test func signingOutEndsTheSessionForEveryCopyOfItsCookie() async throws {
        try await withPagesProxy { fixture in
            let signIn = try await fixture.admin.execute(
                uri: "/admin/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(fixture.adminToken)"))
            let setCookie = try #require(signIn.headers[.setCookie])
            let cookie: HTTPFields = [.cookie: String(setCookie.prefix { $0 != ";" })]
            #expect(try await fixture.admin.execute(uri: "/admin/status.json", method: .get, headers: cookie).status == .ok)
            let signOut = try await fixture.admin.execute(uri: "/admin/logout", method: .post, headers: cookie)
            #expect(signOut.status == .seeOther)
            // A browser drops the cookie; a copy of it (another tab, a stolen one) must not work.
            let page = try await fixture.admin.execute(uri: "/admin", method: .get, headers: cookie)
            #expect(page.status == .seeOther, "sent to the sign-in form")
            #expect(page.headers[.location] == "/admin/login")
            let json = try await fixture.admin.execute(uri: "/admin/status.json", method: .get, headers: cookie)
            #expect(json.status == .unauthorized)
        }
    }

    @Test func aOneTimeLinkSignsInOnce() async throws {
        try await withPagesProxy { fixture in
            let refused = try await fixture.admin.execute(uri: "/admin/login-links", method: .post)
            #expect(refused.status == .unauthorized, "only the bearer credential makes links")
            let made = try await fixture.admin.execute(uri: "/admin/login-links", method: .post, headers: fixture.bearer)
            #expect(made.status == .created)
            struct Link: Decodable { let path: String }
            let link = try JSONDecoder().decode(Link.self, from: Data(buffer: made.body))
            let first = try await fixture.admin.execute(uri: link.path, method: .get)
            #expect(first.status == .seeOther)
            #expect(first.headers[.setCookie]?.contains(AdminSessions.cookieName) == true)
            let second = try await fixture.admin.execute(uri: link.path, method: .get)
            #expect(second.status == .unauthorized)
            #expect(second.headers[.setCookie] == nil)
        }
    }

    @Test func statusJSONShowsStatesRecentCallsAndTheSickTenant() async throws {
        try await withPagesProxy { fixture in
            fixture.simulator.setFault(Fault(errorRate: 1), for: TenantID("bonheiden")!)
            for _ in 0..<3 {
                _ = try await fixture.api.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier", method: .get)
            }
            let answer = try await fixture.admin.execute(uri: "/admin/status.json", method: .get, headers: fixture.bearer)
            #expect(answer.status == .ok)
            let report = try JSONDecoder().decode(StatusJSON.self, from: Data(buffer: answer.body))
            #expect(report.tenants.map(\.id) == ["gent", "bonheiden", "leuven"])
            #expect(report.tenants.map(\.state) == ["active", "active", "onboarding"])
            let gent = report.tenants[0], bonheiden = report.tenants[1], leuven = report.tenants[2]
            #expect(gent.health == "healthy")
            #expect(gent.recent.calls >= 21, "7 parts × 3 dossiers")
            #expect(gent.recent.failures == 0)
            #expect(gent.recent.p99Ms != nil)
            #expect(gent.parts.count == 7)
            #expect(["sick", "degraded"].contains(bonheiden.health))
            #expect(bonheiden.recent.errorRate > 0.5)
            #expect(leuven.health == "idle")
            #expect((report.routingIndex.registrations ?? 0) > 0)
            #expect(gent.outboxBacklog == 0 && gent.outboxFailed == 0)

            let page = String(buffer: try await fixture.admin.execute(uri: "/admin", method: .get, headers: fixture.bearer).body)
            #expect(page.contains("<caption>"))
            #expect(page.contains(#"<th scope="col">"#))
            #expect(page.contains(#"id="tenant-bonheiden""#))
            #expect(page.contains(#"data-state="onboarding""#))
            #expect(page.contains("✓ healthy"), "health is written out, not shown by colour alone")
        }
    }

    @Test func aTenantNameIsEscapedOnThePage() async throws {
        let report = StatusReport(
            generatedAt: Date(), windowSeconds: 300, routingIndex: .init(registrations: 0, error: nil), reload: nil,
            outboxError: nil,
            tenants: [
                .init(
                    id: "x", name: "<script>alert(1)</script>", state: "active", dialect: "v2", health: "idle",
                    breaker: "closed", inFlight: 0, queued: 0, bulkheadRejected: 0, breakerRejected: 0,
                    rateLimited: 0, outboxBacklog: 0, outboxFailed: 0,
                    recent: .init(calls: 0, failures: 0, errorRate: 0, p50Ms: nil, p99Ms: nil), parts: [])
            ])
        let html = try MustacheTemplate(string: StatusPageTemplate.page).render(StatusPageView(report))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func threeHundredTenantsRenderAsThreeHundredRowsOfAModestPage() throws {
        let tenants = (0..<300).map { index in
            StatusReport.Tenant(
                id: "ocmw-\(index)", name: "OCMW \(index)", state: index % 10 == 0 ? "onboarding" : "active",
                dialect: "v2", health: "healthy", breaker: "closed", inFlight: 1, queued: 0, bulkheadRejected: 0,
                breakerRejected: 0, rateLimited: 0, outboxBacklog: 0, outboxFailed: 0,
                recent: .init(calls: 70, failures: 0, errorRate: 0, p50Ms: 3, p99Ms: 12),
                parts: ["ocmws", "rights", "trajectories", "payments", "debts", "requests", "certificates"].map {
                    .init(part: $0, calls: 10, failures: 0, errorRate: 0, p50Ms: 3, p99Ms: 12)
                })
        }
        let report = StatusReport(
            generatedAt: Date(), windowSeconds: 300, routingIndex: .init(registrations: 1, error: nil),
            reload: nil, outboxError: nil, tenants: tenants)
        let template = try MustacheTemplate(string: StatusPageTemplate.page)
        let html = template.render(StatusPageView(report))
        #expect(html.components(separatedBy: #"<tr id="tenant-"#).count - 1 == 300)
        #expect(html.utf8.count < 1_500_000, "a page a browser refreshes every 5 s stays small")
    }

    @Test(arguments: [
        ("open", 0, 0, "sick"), ("closed", 10, 5, "sick"), ("closed", 2, 2, "degraded"), ("halfOpen", 4, 0, "degraded"),
        ("closed", 10, 1, "degraded"), ("closed", 0, 0, "idle"), ("closed", 10, 0, "healthy"),
    ])
    func healthInOneWord(breaker: String, calls: Int, failures: Int, expected: String) {
        #expect(TenantHealth.of(breaker: breaker, calls: calls, failures: failures) == expected)
    }
}

/// The parts of `/admin/status.json` the tests read.
private struct StatusJSON: Decodable {
    struct Tenant: Decodable {
        struct Recent: Decodable {
            let calls: Int
            let failures: Int
            let errorRate: Double
            let p99Ms: Double?
        }
        struct Part: Decodable { let part: String }
        let id: String
        let state: String
        let health: String
        let recent: Recent
        let parts: [Part]
        let outboxBacklog: Int
        let outboxFailed: Int
    }
    struct RoutingIndex: Decodable { let registrations: Int? }
    let tenants: [Tenant]
    let routingIndex: RoutingIndex
}
