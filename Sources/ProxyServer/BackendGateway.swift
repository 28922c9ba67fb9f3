import CurlClient
import Logging
import OCMWCore

/// Calls one tenant's New Social for one part and turns whatever happens into a `PartOutcome`:
/// it never throws, so one sick OCMW can only ever colour its own entry of an answer.
struct BackendGateway: Sendable {
    let client: CurlClient
    let gate: InFlightGate
    let logger: Logger

    /// Fetches `path` (relative to the tenant's base URL) and decodes a 200 with `decode`.
    func fetch<Value: Sendable>(
        _ tenant: Tenant,
        path: String,
        deadline: ContinuousClock.Instant,
        requestID: String,
        decode: ([UInt8]) throws -> Value
    ) async -> PartOutcome<Value> {
        guard gate.tryEnter(tenant.id, limit: tenant.limits.maxInFlight) else {
            return .failed(.unavailable, reason: "max in-flight reached")
        }
        defer { gate.leave(tenant.id) }

        let request = HTTPRequest(
            url: tenant.backend.baseURL + path,
            headers: [HTTPHeader("Accept", "application/json"), HTTPHeader("X-Request-Id", requestID)],
            connectTimeoutMs: tenant.limits.connectTimeoutMs,
            totalTimeoutMs: tenant.limits.totalTimeoutMs,
            maxResponseBytes: tenant.limits.maxResponseBytes
        )
        let response: HTTPResponse
        do {
            response = try await client.execute(request, deadline: deadline)
        } catch {
            logger.info("backend call failed", metadata: ["tenant": "\(tenant.id)", "error": "\(error.kind.rawValue)"])
            return .failed(Self.status(for: error.kind), reason: error.kind.rawValue)
        }
        switch response.status {
        case 200:
            do {
                return .ok(try decode(response.body))
            } catch {
                logger.info("backend answer rejected", metadata: ["tenant": "\(tenant.id)", "error": "\(error)"])
                return .failed(.error, reason: "invalid answer")
            }
        case 404:
            return .noDossier
        case 500...599:
            return .failed(.unavailable, reason: "backend status \(response.status)")
        default:
            return .failed(.error, reason: "backend status \(response.status)")
        }
    }

    private static func status(for kind: CurlClientError.Kind) -> PartStatus {
        switch kind {
        case .timedOut, .cancelled: .timeout
        case .connectFailed, .connectionLost, .shutdown: .unavailable
        case .responseTooLarge, .invalidRequest, .transport: .error
        }
    }
}
