import CurlClient

/// Runs the curl client for the duration of `body`, then stops it (cancelling its `run()` ends
/// the multi loop and fails whatever is still in flight).
func withRunning<T: Sendable>(_ client: CurlClient, _ body: () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await client.run() }
        defer { group.cancelAll() }
        return try await body()
    }
}
