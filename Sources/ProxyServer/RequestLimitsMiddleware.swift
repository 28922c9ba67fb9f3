import HTTPTypes
import Hummingbird

/// Limits every request before any route sees it, and tags every answer with its request id.
///
/// Header size is bounded by the HTTP parser (80 KiB), bodies by each route's `collect(upTo:)`,
/// idle and slow clients by the server's idle timeout (see `ProxyApplication`); this middleware
/// adds the bound on the request target's length.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = ProxyRequestContext

    /// Longest request target (path and query) accepted, in bytes.
    static var maxTargetBytes: Int { 2_048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestID = context.requestID
        guard (request.head.path?.utf8.count ?? 0) <= Self.maxTargetBytes else {
            throw ProblemDetails(
                status: .uriTooLong, type: .uriTooLong,
                title: "The request target is longer than \(Self.maxTargetBytes) bytes"
            )
            .with(requestID: requestID)
        }
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = requestID
            return response
        } catch let problem as ProblemDetails {
            throw problem.with(requestID: requestID)
        }
    }
}
