import Admission
import BackendAccess
import HTTPTypes
import Hummingbird

/// The door of the public API: every request but health and the demo page passes the admission
/// gate before any route runs. What is not admitted is answered at once, `503` `overloaded`
/// with `Retry-After`, before anything of it was started.
struct AdmissionMiddleware: RouterMiddleware {
    typealias Context = ProxyRequestContext

    let gate: AdmissionGate
    let classifier: AdmissionClassifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // Orchestrators must always learn the truth about the proxy, shedding included; the demo
        // page calls this API itself and is admitted there.
        if path.hasPrefix("/health") || path.hasPrefix("/demo/") {
            return try await next(request, context)
        }
        let (priority, shares) = await classifier.classify(request)
        switch await gate.admit(priority: priority, shares: shares) {
        case .shed(let reason):
            throw ProblemDetails.overloaded(reason, retryAfterSeconds: gate.configuration.retryAfterSeconds)
        case .admitted(let ticket):
            // The limit adapts to the proxy's own share of the latency: the request's time from
            // its arrival (the wait before the door is the machine's saturation showing) less its
            // longest backend call, so that a slow OCMW does not shrink everyone's limit.
            let ledger = BackendTimeLedger()
            do {
                let response = try await BackendTimeLedger.$current.withValue(ledger) {
                    try await next(request, context)
                }
                // A streamed document runs at the caller's pace: its time says nothing about ours.
                gate.finished(ticket, excluding: Self.streams(path) ? nil : ledger.longestCall, arrived: context.arrival)
                return response
            } catch {
                let sample = !(error is CancellationError) && !Task.isCancelled
                gate.finished(ticket, excluding: sample ? ledger.longestCall : nil, arrived: context.arrival)
                throw error
            }
        }
    }

    private static func streams(_ path: String) -> Bool { path.hasSuffix("/document") }
}

extension ProblemDetails {
    /// The proxy did not start the request: it is serving all it can.
    static func overloaded(_ reason: ShedReason, retryAfterSeconds: Int) -> ProblemDetails {
        var problem = ProblemDetails(
            status: .serviceUnavailable, type: .overloaded,
            title: "The proxy is serving all it can; the request was not started",
            detail: reason.detail)
        problem.retryAfterSeconds = retryAfterSeconds
        return problem
    }
}

extension ShedReason {
    /// What the caller is told (no tenant, no counts).
    var detail: String {
        switch self {
        case .queueFull, .displaced, .queueTimeout: "too many requests at once"
        case .deadline: "too little time left to answer within the request deadline"
        case .discovery: "too many searches for citizens the proxy does not know yet"
        case .uploads: "too many uploads at once"
        }
    }
}
