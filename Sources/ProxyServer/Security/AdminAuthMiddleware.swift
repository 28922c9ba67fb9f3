import CallerAuth
import HTTPTypes
import Hummingbird

/// Guards the admin API with its own credential: `Authorization: Bearer <admin token>`.
struct AdminAuthMiddleware: RouterMiddleware {
    let security: ProxySecurity

    func handle(_ request: Request, context: ProxyRequestContext,
                next: (Request, ProxyRequestContext) async throws -> Response) async throws -> Response {
        let token: String
        do {
            token = try CallerVerifier.bearerToken(fromAuthorizationHeader: request.headers[.authorization])
        } catch {
            throw ProblemDetails(error)
        }
        guard security.isAdminToken(token) else {
            var problem = ProblemDetails(status: .unauthorized, type: "unauthorized",
                                         title: "The admin credential is required")
            problem.wwwAuthenticate = #"Bearer realm="ocmw-proxy-admin", error="invalid_token""#
            throw problem
        }
        return try await next(request, context)
    }
}
