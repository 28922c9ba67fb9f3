import Hummingbird
import Observability

/// Refuses requests about citizen data while the audit trail cannot record them (its store has
/// been failing and the writer's buffer is full): 503 `audit-unavailable` with `Retry-After`.
/// Serving them unrecorded would break the promise that every access is audited; dropping
/// records would do the same silently.
struct AuditCapacityMiddleware<Context: RequestContext>: RouterMiddleware {
    let audit: AuditLog
    let metrics: ProxyMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !audit.isFull else {
            metrics.auditRefused()
            var problem = ProblemDetails(
                status: .serviceUnavailable, type: .auditUnavailable,
                title: "The audit trail cannot record this request now",
                detail: "requests about citizen data are refused until the audit trail's store takes records again")
            problem.retryAfterSeconds = 5
            throw problem
        }
        return try await next(request, context)
    }
}
