import AdminUI
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The status page on the admin listener: `GET /admin` (HTML), `GET /admin/status.json`, and the
/// browser sign-in: `GET`/`POST /admin/login` (a form taking the admin token),
/// `GET /admin/login/{code}` (a one-time link, made with `POST /admin/login-links` and the
/// bearer credential, for scripts and headless browsers) and `POST /admin/logout`.
struct AdminPageRoutes: Sendable {
    static let pagePath = "/admin"
    static let loginPath = "/admin/login"
    static let logoutPath = "/admin/logout"

    let reporter: StatusReporter
    let sessions: AdminSessions
    let templates: MustacheLibrary

    init(reporter: StatusReporter, sessions: AdminSessions) {
        self.reporter = reporter
        self.sessions = sessions
        templates = TemplateFile.library(["status": StatusPageTemplate.page, "login": LoginPageTemplate.page])
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get(RouterPath(Self.pagePath)) { _, _ in
            let view = StatusPageView(await reporter.report())
            return htmlResponse(
                templates.render(view, withTemplate: "status") ?? "",
                csp: PageStyle.contentSecurityPolicy(script: StatusPageTemplate.script))
        }
        router.get("/admin/status.json") { _, _ in
            try Response.json(await reporter.report())
        }
        router.get(RouterPath(Self.loginPath)) { _, _ in
            loginPage(message: nil, status: .ok)
        }
        router.post(RouterPath(Self.loginPath)) { request, _ in
            let body = try await request.body.collect(upTo: 4_096)
            guard let token = Self.formField("token", in: String(buffer: body)), sessions.isAdminToken(token) else {
                return loginPage(message: "That is not the admin token.", status: .unauthorized)
            }
            return signedIn()
        }
        router.get("/admin/login/:code") { _, context in
            guard sessions.redeem(linkCode: try context.parameters.require("code")) else {
                return loginPage(message: "This sign-in link was used already or has expired.", status: .unauthorized)
            }
            return signedIn()
        }
        router.post("/admin/login-links") { _, _ in
            try Response.json(
                LoginLink(
                    path: "\(Self.loginPath)/\(sessions.newLinkCode())",
                    expiresInSeconds: sessions.linkLifetime.components.seconds),
                status: .created)
        }
        router.post(RouterPath(Self.logoutPath)) { request, _ in
            // Ended here, not only in this browser: a copy of the cookie is refused from now on.
            if let cookie = request.cookies[AdminSessions.cookieName] { sessions.endSession(cookie.value) }
            var response = Response(status: .seeOther, headers: [.location: Self.loginPath])
            response.setCookie(Self.cookie(value: "", maxAge: 0))
            return response
        }
    }

    private func signedIn() -> Response {
        var response = Response(status: .seeOther, headers: [.location: Self.pagePath, .cacheControl: "no-store"])
        response.setCookie(Self.cookie(value: sessions.newSession(), maxAge: Int(sessions.lifetime.components.seconds)))
        return response
    }

    private func loginPage(message: String?, status: HTTPResponse.Status) -> Response {
        var response = htmlResponse(
            templates.render(LoginPageTemplate.View(message: message), withTemplate: "login") ?? "",
            csp: PageStyle.contentSecurityPolicy())
        response.status = status
        return response
    }

    private static func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: AdminSessions.cookieName, value: value, maxAge: maxAge, path: pagePath, httpOnly: true,
            sameSite: .strict)
    }

    /// A field of an `application/x-www-form-urlencoded` body.
    static func formField(_ name: String, in body: String) -> String? {
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        return components.queryItems?.first { $0.name == name }?.value
    }
}

/// The answer of `POST /admin/login-links`.
struct LoginLink: Encodable {
    let path: String
    let expiresInSeconds: Int64
}

/// An HTML answer that no cache keeps and no other site may frame.
func htmlResponse(_ text: String, csp: String) -> Response {
    Response(
        status: .ok,
        headers: [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy: csp, .xContentTypeOptions: "nosniff",
            HTTPTypes.HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ],
        body: .init(byteBuffer: ByteBuffer(string: text)))
}
