import HTTPTypes
import Hummingbird
import Logging

/// One log line per request with the route *pattern* (`/v1/citizens/{insz}/debts`), never the
/// concrete path, so no national number reaches the logs through a URL.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ProxyRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        // Fix the request id once, outermost: everything inside (answers, backend calls, the
        // audit trail, this log line) then uses the same one.
        var context = context
        context.requestID = RequestID.of(request)
        do {
            let response = try await next(request, context)
            log(request, context, status: Int(response.status.code), start: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: Int(error.status.code), start: start)
            throw error
        } catch {
            log(request, context, status: 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let ms = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "request_id": "\(context.requestID)",
                "status": "\(status)",
                "duration_ms": "\(Int(ms.rounded()))",
            ])
    }
}
