import CurlClient

/// The demo page's HTTP calls to the proxy's own public API (kept apart from the Hummingbird
/// files, whose `HTTPRequest` is another type).
struct DemoAPIClient: Sendable {
    typealias Transport = CurlClient
    struct Answer: Sendable {
        let status: Int
        let body: [UInt8]
    }

    let client: CurlClient
    let pages: DemoPages
    let deadlineMs: Int

    /// GETs `path` (absolute, starting with `/v1/`) with the demo token.
    func get(_ path: String, requestID: String) async throws -> Answer {
        let token = try await pages.token()
        let request = HTTPRequest(method: .get, url: pages.apiOrigin + path,
                                  headers: [HTTPHeader("Authorization", "Bearer \(token)"),
                                            HTTPHeader("X-Request-Id", requestID)],
                                  totalTimeoutMs: deadlineMs, maxResponseBytes: 16 << 20)
        let response = try await client.execute(request, deadline: .now + .milliseconds(deadlineMs))
        return Answer(status: response.status, body: response.body)
    }
}
