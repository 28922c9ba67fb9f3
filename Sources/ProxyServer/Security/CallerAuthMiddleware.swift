import CallerAuth
import Foundation
import HTTPTypes
import Hummingbird
import OCMWCore

/// Requires a valid bearer JWT carrying `scope` on every route it guards, and records the
/// verified caller in the context. A missing or invalid token is a 401 with `WWW-Authenticate`;
/// a valid one without the scope is a 403.
struct CallerAuthMiddleware: RouterMiddleware {
    let verifier: CallerVerifier
    let scope: Scope

    func handle(
        _ request: Request, context: ProxyRequestContext,
        next: (Request, ProxyRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        do {
            let token = try CallerVerifier.bearerToken(fromAuthorizationHeader: request.headers[.authorization])
            let caller = try await verifier.verify(bearer: token, now: Date())
            try verifier.authorize(caller, requiredScope: scope, pathINSZ: nil)
            context.caller = caller
        } catch {
            throw ProblemDetails(error)
        }
        return try await next(request, context)
    }
}

extension ProblemDetails {
    /// The problem answer for an authentication or authorization failure. The detail is the
    /// error's fixed description: it never repeats the token or an INSZ.
    init(_ error: CallerAuthError) {
        switch error.status {
        case .unauthorized:
            self.init(
                status: .unauthorized, type: .unauthorized, title: "A valid bearer token is required",
                detail: error.description)
        case .forbidden:
            self.init(
                status: .forbidden, type: .forbidden, title: "The token does not allow this request",
                detail: error.description)
        }
        wwwAuthenticate = error.wwwAuthenticate()
    }
}

extension ProxyRequestContext {
    /// The verified caller; a 401 when there is none. Every check that depends on who is asking
    /// goes through here, so a route mounted without `CallerAuthMiddleware` fails closed instead
    /// of treating the request as nobody's (or everybody's).
    func requireCaller() throws(ProblemDetails) -> VerifiedCaller {
        guard let caller else { throw ProblemDetails(CallerAuthError.missingToken) }
        return caller
    }

    /// Checks that the caller may act for the citizen in the path: a token-exchange token names
    /// its citizen, and then only that citizen's data may be asked. No caller is a 401.
    func requireCitizen(_ insz: INSZ, verifier: CallerVerifier, scope: Scope) throws {
        let caller = try requireCaller()
        do {
            try verifier.authorize(caller, requiredScope: scope, pathINSZ: insz)
        } catch {
            throw ProblemDetails(error)
        }
    }
}
