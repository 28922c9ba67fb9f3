import CurlClient
import OCMWCore

extension BackendGateway {
    /// Opens a streamed download (a certificate's PDF) through the tenant's breaker, rate limit
    /// and credentials. The body is not held in the proxy: it streams to the caller with
    /// backpressure. The breaker records the outcome of the answer's head.
    package func openStream(
        _ tenant: Tenant, path: String, deadline: ContinuousClock.Instant, requestID: String,
        maxBytes: Int
    ) async -> PartOutcome<StreamedResponse> {
        let resilience = runtimes.resilience(for: tenant)
        guard case .allow(let ticket) = resilience.permit() else {
            metrics.rejected(tenant: tenant.id, reason: "circuitOpen")
            return .failed(.circuitOpen, reason: "circuit open after repeated failures")
        }
        guard resilience.takeRateToken() else {
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket)
            metrics.rejected(tenant: tenant.id, reason: "rateLimited")
            return .failed(.unavailable, reason: "rate limit toward this OCMW reached")
        }
        let started = ContinuousClock.now
        do {
            let credentials = try await credentials.headers(for: tenant)
            let request = HTTPRequest(
                url: tenant.backend.baseURL + path,
                headers: [HTTPHeader("Accept", "application/pdf"), HTTPHeader("X-Request-Id", requestID)] + credentials,
                connectTimeoutMs: tenant.limits.connectTimeoutMs, totalTimeoutMs: 120_000, maxResponseBytes: maxBytes,
                tls: TLSOptions(backend: tenant.backend))
            let response = try await client.stream(request, deadline: deadline)
            _ = resilience.record(response.status >= 500 ? .failure : .success, duration: started.duration(to: .now), ticket: ticket)
            switch response.status {
            case 200: return .ok(response)
            case 404:
                response.body.cancel()
                return .noDossier
            default:
                response.body.cancel()
                return .failed(response.status >= 500 ? .unavailable : .error, reason: "backend status \(response.status)")
            }
        } catch let error as CredentialError {
            logger.error(
                "backend credentials not available",
                metadata: ["tenant": "\(tenant.id)", "error": "\(error.label)", "detail": "\(error.detail)"])
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket)
            return .failed(.unavailable, reason: CredentialError.unavailableReason + " (\(error.label))")
        } catch let error as CurlClientError {
            _ = resilience.record(.failure, duration: started.duration(to: .now), ticket: ticket)
            return .failed(error.kind == .timedOut ? .timeout : .unavailable, reason: error.kind.rawValue)
        } catch {
            _ = resilience.record(.failure, duration: started.duration(to: .now), ticket: ticket)
            return .failed(.error, reason: "transport")
        }
    }
}
