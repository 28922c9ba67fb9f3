import CurlClient
import Logging
import OCMWCore
import OCMWDomain
import Observability

/// Calls one tenant's New Social for one part and turns whatever happens into a `PartOutcome`:
/// it never throws, so one sick OCMW can only ever colour its own entry of an answer.
///
/// Each call passes the tenant's own guards, in this order, before anything reaches curl:
/// circuit breaker (open → `circuitOpen` at once), rate limit, bulkhead (bounded queue, fast
/// rejection), deadline budget. Reads that fail with a connect error or a 5xx are retried within
/// the tenant's retry budget, with jittered backoff, while the deadline allows.
package struct BackendGateway: Sendable {
    package let client: CurlClient
    package let credentials: BackendCredentials
    package let runtimes: TenantRuntimeRegistry
    package let metrics: ProxyMetrics
    package let logger: Logger

    package init(
        client: CurlClient, credentials: BackendCredentials, runtimes: TenantRuntimeRegistry,
        metrics: ProxyMetrics, logger: Logger
    ) {
        self.client = client
        self.credentials = credentials
        self.runtimes = runtimes
        self.metrics = metrics
        self.logger = logger
    }

    /// Fetches `path` (relative to the tenant's base URL) and decodes a 200 with `decode`.
    /// - Parameter purpose: What the call is for (the metrics' `part` label).
    package func fetch<Value: Sendable>(
        _ tenant: Tenant,
        purpose: BackendCallPurpose,
        path: String,
        deadline: ContinuousClock.Instant,
        requestID: String,
        decode: ([UInt8]) throws -> Value
    ) async -> PartOutcome<Value> {
        let resilience = runtimes.resilience(for: tenant)
        resilience.requestStarted()
        defer { resilience.requestFinished() }
        var attempt = 1
        while true {
            let (outcome, retryable) = await attemptOnce(
                tenant, resilience, purpose: purpose, method: .get, path: path, body: nil, extraHeaders: [],
                deadline: deadline, requestID: requestID
            ) { Self.interpret($0, tenant: tenant, decode: decode, metrics: metrics, logger: logger) }
            guard retryable, resilience.startRetry(attemptsMade: attempt, retryable: true) else { return outcome }
            defer { resilience.finishRetry() }
            let pause = resilience.backoff(attempt: attempt)
            guard ContinuousClock.now + pause < deadline else { return outcome }
            metrics.retried(tenant: tenant.id)
            try? await Task.sleep(for: pause)
            attempt += 1
        }
    }

    /// Sends one write (a submission: POST with a body and its idempotency key) through the same
    /// guards, once: the outbox schedules any retry. Every HTTP answer comes back as `.ok` for
    /// the caller to read; only transport failures and the guards' refusals are `.failed`.
    ///
    /// A delivery has its own timeout (the tenant's `deliveryTimeoutMs`, not the reads'
    /// `totalTimeoutMs`: documents take long to upload) and its own circuit breaker, so that
    /// slow or refused uploads never open the circuit guarding the citizens' reads. It shares
    /// the tenant's bulkhead, rate limit and credentials with the reads. `notAfter` ends the call
    /// sooner when the caller must be done by then (its lease of the submission ends).
    package func send(
        _ tenant: Tenant, path: String, body: [UInt8], idempotencyKey: String, requestID: String,
        notAfter: ContinuousClock.Instant? = nil
    ) async -> PartOutcome<HTTPResponse> {
        let resilience = runtimes.resilience(for: tenant)
        let headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Idempotency-Key", idempotencyKey)]
        let timeout = ContinuousClock.now + .milliseconds(tenant.limits.deliveryTimeoutMs)
        let deadline = notAfter.map { min($0, timeout) } ?? timeout
        return await attemptOnce(
            tenant, resilience, purpose: .submission, method: .post, path: path, body: body,
            extraHeaders: headers, deadline: deadline, requestID: requestID, circuit: .deliveries
        ) { response in
            (.ok(response), response.status >= 500 ? .failure : .success, false)
        }.0
    }

    /// One attempt through the guards. Returns the outcome and whether a retry could cure it.
    private func attemptOnce<Value: Sendable>(
        _ tenant: Tenant, _ resilience: TenantResilience, purpose: BackendCallPurpose, method: HTTPRequest.Method, path: String,
        body: [UInt8]?, extraHeaders: [HTTPHeader], deadline: ContinuousClock.Instant, requestID: String,
        circuit: Circuit = .reads,
        interpret: (HTTPResponse) -> (PartOutcome<Value>, CallOutcome, retryable: Bool)
    ) async -> (PartOutcome<Value>, retryable: Bool) {
        guard case .allow(let ticket) = resilience.permit(circuit) else {
            metrics.rejected(tenant: tenant.id, reason: "circuitOpen")
            return (.failed(.circuitOpen, reason: "circuit open after repeated failures"), false)
        }
        guard resilience.takeRateToken() else {
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket, circuit: circuit)
            metrics.rejected(tenant: tenant.id, reason: "rateLimited")
            return (.failed(.unavailable, reason: "rate limit toward this OCMW reached"), false)
        }
        guard await resilience.enter() else {
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket, circuit: circuit)
            metrics.rejected(tenant: tenant.id, reason: "bulkhead")
            return (.failed(.unavailable, reason: "too many calls in flight to this OCMW"), false)
        }
        defer { resilience.leave() }
        let inFlight = metrics.inFlight(tenant: tenant.id)
        inFlight.increment()
        defer { inFlight.decrement() }

        let started = ContinuousClock.now
        let budget =
            switch circuit {
            case .reads: tenant.limits.deadlineBudget(deadline: deadline, now: started)
            case .deliveries: tenant.limits.deliveryBudget(deadline: deadline, now: started)
            }
        guard let budget else {
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket, circuit: circuit)
            return (.failed(.timeout, reason: "no time left before the request deadline"), false)
        }
        var request = HTTPRequest(
            method: method,
            url: tenant.backend.baseURL + path,
            headers: [HTTPHeader("Accept", "application/json"), HTTPHeader("X-Request-Id", requestID)] + extraHeaders,
            body: body,
            connectTimeoutMs: budget.connectTimeoutMs,
            totalTimeoutMs: budget.totalTimeoutMs,
            maxResponseBytes: tenant.limits.maxResponseBytes,
            tls: TLSOptions(backend: tenant.backend)
        )
        let result: (PartOutcome<Value>, CallOutcome, retryable: Bool)
        // What the breaker judges: the backend's own time as curl measured it (from the transfer's
        // start to its end), not the time the call waited inside the proxy for a slot, a thread
        // or the curl loop: an overloaded proxy must not open a healthy OCMW's breaker.
        var backendTime: Duration?
        var breakerOutcome: CallOutcome?
        do {
            let response = try await authenticated(&request, tenant: tenant, deadline: deadline)
            backendTime = .microseconds(Int64((response.totalTimeMs * 1_000).rounded()))
            result = interpret(response)
        } catch let error as CredentialError {
            // Never call a backend unauthenticated: the part is unavailable until the secret is.
            // The detail names the variable, file or token URL (never a secret), so the
            // operator knows what to fix.
            logger.error(
                "backend credentials not available",
                metadata: ["tenant": "\(tenant.id)", "error": "\(error.label)", "detail": "\(error.detail)"])
            _ = resilience.record(.ignored, duration: .zero, ticket: ticket, circuit: circuit)
            metrics.rejected(tenant: tenant.id, reason: "credentials")
            return (.failed(.unavailable, reason: CredentialError.unavailableReason), false)
        } catch let error as CurlClientError {
            logger.info(
                "backend call failed",
                metadata: [
                    "tenant": "\(tenant.id)", "part": "\(purpose.label)",
                    "error": "\(error.kind.rawValue)", "request_id": "\(requestID)",
                ])
            result = Self.interpret(error)
            // A timeout cut short by the request's deadline (not the tenant's own timeout) proves
            // only that the backend took longer than what was left: slow if that was long, else
            // nothing.
            if error.kind == .timedOut, budget.totalTimeout < .milliseconds(tenant.limits.totalTimeoutMs) {
                breakerOutcome = .success
                backendTime = budget.totalTimeout
            }
        } catch {
            result = (.failed(.error, reason: "transport"), .failure, false)
        }
        let duration = started.duration(to: .now)
        BackendTimeLedger.current?.record(backendTime ?? duration)
        if let transition = resilience.record(
            breakerOutcome ?? result.1, duration: backendTime ?? duration, ticket: ticket, circuit: circuit)
        {
            let state = if case .closed = transition { "closed" } else { "open" }
            metrics.breakerTransition(tenant: tenant.id, to: state)
            logger.warning("circuit breaker \(state)", metadata: ["tenant": "\(tenant.id)", "circuit": "\(circuit)"])
        }
        metrics.backendCall(tenant: tenant.id, purpose: purpose, outcome: result.0.metricLabel, duration: duration)
        return (result.0, result.retryable)
    }

    /// Sends `request` with the tenant's credentials; after a 401 with credentials the backend
    /// no longer accepts (an expired OAuth2 token), once more with fresh ones.
    private func authenticated(
        _ request: inout HTTPRequest, tenant: Tenant,
        deadline: ContinuousClock.Instant
    ) async throws -> HTTPResponse {
        let base = request.headers
        let sent = try await credentials.headers(for: tenant)
        request.headers = base + sent
        let response = try await client.execute(request, deadline: deadline)
        guard response.status == 401, await credentials.backendRejected(sent, for: tenant) else { return response }
        request.headers = base + (try await credentials.headers(for: tenant))
        return try await client.execute(request, deadline: deadline)
    }

    private static func interpret<Value>(
        _ response: HTTPResponse, tenant: Tenant, decode: ([UInt8]) throws -> Value, metrics: ProxyMetrics, logger: Logger
    ) -> (PartOutcome<Value>, CallOutcome, retryable: Bool) {
        switch response.status {
        case 200:
            do {
                return (.ok(try decode(response.body)), .success, false)
            } catch {
                metrics.answerRejected(tenant: tenant.id, reason: Self.rejectionLabel(error))
                logger.info("backend answer rejected", metadata: ["tenant": "\(tenant.id)", "error": "\(error)"])
                return (.failed(.error, reason: "invalid answer"), .failure, false)
            }
        case 404:
            return (.noDossier, .success, false)
        case 501:
            return (.failed(.notSupported, reason: "the OCMW does not offer this part"), .success, false)
        case 500...599:
            return (.failed(.unavailable, reason: "backend status \(response.status)"), .failure, true)
        default:
            return (.failed(.error, reason: "backend status \(response.status)"), .failure, false)
        }
    }

    private static func interpret<Value>(_ error: CurlClientError) -> (PartOutcome<Value>, CallOutcome, retryable: Bool) {
        // A certificate problem does not cure itself on a retry.
        if let tls = error.tlsFailure { return (.failed(.unavailable, reason: "tls: \(tls.rawValue)"), .failure, false) }
        return switch error.kind {
        case .timedOut: (.failed(.timeout, reason: error.kind.rawValue), .failure, false)
        case .cancelled: (.failed(.timeout, reason: error.kind.rawValue), .ignored, false)
        case .connectFailed: (.failed(.unavailable, reason: error.kind.rawValue), .failure, true)
        case .connectionLost: (.failed(.unavailable, reason: error.kind.rawValue), .failure, true)
        case .shutdown: (.failed(.unavailable, reason: error.kind.rawValue), .ignored, false)
        case .responseTooLarge, .transport: (.failed(.error, reason: error.kind.rawValue), .failure, false)
        case .invalidRequest: (.failed(.error, reason: error.kind.rawValue), .ignored, false)
        }
    }

    /// A stable metric label for a rejected answer (never the message: it may name a field value).
    private static func rejectionLabel(_ error: any Error) -> String {
        (error as? NormalisationError)?.reason ?? "other"
    }
}

extension PartOutcome {
    /// The outcome as a metric label: `ok`, `noDossier` or the failure status.
    package var metricLabel: String {
        switch self {
        case .ok: "ok"
        case .noDossier: "noDossier"
        case .failed(let status, _): status.rawValue
        }
    }
}
