import AdminUI
import CallerAuth
import HTTPTypes
import Hummingbird

/// Guards the admin API with its own credential: `Authorization: Bearer <admin token>`, or, for
/// reads only (GET/HEAD), the status page's session cookie (see `AdminSessions`). The sign-in
/// routes themselves are open; a browser asking for the status page without a credential is
/// sent to the sign-in form instead of getting a 401.
struct AdminAuthMiddleware: RouterMiddleware {
    let security: ProxySecurity
    let sessions: AdminSessions

    func handle(
        _ request: Request, context: ProxyRequestContext,
        next: (Request, ProxyRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if path == AdminPageRoutes.loginPath || path.hasPrefix(AdminPageRoutes.loginPath + "/")
            || path == AdminPageRoutes.logoutPath
        {
            return try await next(request, context)
        }
        if request.headers[.authorization] == nil, request.method == .get || request.method == .head,
            let cookie = request.cookies[AdminSessions.cookieName], sessions.isValidSession(cookie.value)
        {
            return try await next(request, context)
        }
        if request.headers[.authorization] == nil, request.method == .get, path == AdminPageRoutes.pagePath {
            return Response(status: .seeOther, headers: [.location: AdminPageRoutes.loginPath])
        }
        let token: String
        do {
            token = try CallerVerifier.bearerToken(fromAuthorizationHeader: request.headers[.authorization])
        } catch {
            throw ProblemDetails(error)
        }
        guard security.isAdminToken(token) else {
            var problem = ProblemDetails(
                status: .unauthorized, type: .unauthorized,
                title: "The admin credential is required")
            problem.wwwAuthenticate = #"Bearer realm="ocmw-proxy-admin", error="invalid_token""#
            throw problem
        }
        return try await next(request, context)
    }
}
