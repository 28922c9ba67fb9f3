import CurlClient
import OCMWCore

/// One request of the run, decided before it is sent: what, for whom, and under which tenants
/// its outcome counts.
public struct PlannedRequest: Sendable, Equatable {
    /// What it calls.
    public var endpoint: Endpoint
    /// A read counts under every tenant holding the citizen; a download or submission under the
    /// tenant it goes to.
    public var tenants: [TenantID]
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// Path and query, from `/v1/…`.
    public var path: String
    /// For submissions: the body's type, a unique `Idempotency-Key`, and the body.
    public var contentType: String?
    public var idempotencyKey: String?
    public var body: [UInt8]?

    /// The request to send to the proxy at `baseURL` (no trailing slash) with this bearer token.
    public func httpRequest(baseURL: String, token: String, timeoutMs: Int) -> HTTPRequest {
        var headers = [
            HTTPHeader("Authorization", "Bearer \(token)"),
            HTTPHeader("Accept", endpoint == .certificateDocument ? "application/pdf" : "application/json"),
        ]
        if let contentType { headers.append(HTTPHeader("Content-Type", contentType)) }
        if let idempotencyKey { headers.append(HTTPHeader("Idempotency-Key", idempotencyKey)) }
        return HTTPRequest(
            method: method, url: baseURL + path, headers: headers, body: body,
            connectTimeoutMs: min(timeoutMs, 2_000), totalTimeoutMs: timeoutMs, maxResponseBytes: 16 << 20)
    }

    public static func == (lhs: PlannedRequest, rhs: PlannedRequest) -> Bool {
        lhs.endpoint == rhs.endpoint && lhs.tenants == rhs.tenants && lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.contentType == rhs.contentType && lhs.idempotencyKey == rhs.idempotencyKey && lhs.body == rhs.body
    }
}
