import Hummingbird
import Logging

/// Makes every error answer `application/problem+json`: Hummingbird's own errors (unknown route,
/// wrong method, body too large) keep their status; anything unexpected becomes a 500 problem
/// whose detail never carries the error's text (it could hold request data).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            throw problem
        } catch let error as HTTPError {
            throw ProblemDetails(
                status: error.status, type: Self.problemType(for: error.status),
                title: error.status.reasonPhrase)
        } catch {
            context.logger.error("unexpected error", metadata: ["error_type": "\(String(reflecting: Swift.type(of: error)))"])
            throw ProblemDetails(
                status: .internalServerError, type: .internal,
                title: "The proxy could not complete the request")
        }
    }

    private static func problemType(for status: HTTPResponse.Status) -> ProblemType {
        switch status.code {
        case 404: .notFound
        case 405: .methodNotAllowed
        case 413: .payloadTooLarge
        case 414: .uriTooLong
        case 400..<500: .badRequest
        default: .internal
        }
    }
}
