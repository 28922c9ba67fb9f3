import CurlClient

/// The demo page's HTTP calls to the proxy's own public API (kept apart from the Hummingbird
/// files, whose `HTTPRequest` is another type).
package struct DemoAPIClient: Sendable {
    package typealias Transport = CurlClient
    package struct Answer: Sendable {
        package let status: Int
        package let body: [UInt8]
    }

    package let client: CurlClient
    package let pages: DemoPages
    package let deadlineMs: Int

    package init(client: CurlClient, pages: DemoPages, deadlineMs: Int) {
        self.client = client
        self.pages = pages
        self.deadlineMs = deadlineMs
    }

    /// GETs `path` (absolute, starting with `/v1/`) with the demo token.
    package func get(_ path: String, requestID: String) async throws -> Answer {
        let token = try await pages.token()
        let request = HTTPRequest(
            method: .get, url: pages.apiOrigin + path,
            headers: [
                HTTPHeader("Authorization", "Bearer \(token)"),
                HTTPHeader("X-Request-Id", requestID),
            ],
            totalTimeoutMs: deadlineMs, maxResponseBytes: 16 << 20)
        let response = try await client.execute(request, deadline: .now + .milliseconds(deadlineMs))
        return Answer(status: response.status, body: response.body)
    }
}
