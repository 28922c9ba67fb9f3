import Logging
import PostgresNIO
import PostgresStores

/// A PostgreSQL client for the duration of a command: one connection pool per process, shared by
/// every store on it.
package enum PostgresSession {
    /// Runs `body` with a running client for `url`; the client stops when `body` returns.
    /// - Throws: `PostgresURLError` for a malformed URL, or what `body` throws.
    package static func run<Result: Sendable>(
        url: String, logger: Logger, _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: try PostgresURL(url).configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            do {
                return try await body(client)
            } catch let error as PSQLError {
                // PSQLError's description is deliberately generic; the operator needs the server's
                // own message (its code and text name no personal data: values are bound, never
                // part of the query text).
                logger.error("PostgreSQL failed", metadata: ["error": "\(String(reflecting: error))"])
                throw error
            }
        }
    }
}
