import Foundation
import Logging
import PostgresNIO
import PostgresStores

/// The PostgreSQL of `scripts/postgres-test-cluster`, named by `OCMW_TEST_POSTGRES_URL`
/// (`scripts/test` always sets it).
///
/// Each test gets a schema of its own (`t_<uuid>`), dropped at the end: every connection of its
/// clients starts with `search_path` set to it, so tests run in parallel on one database
/// without seeing each other's tables.
public enum PostgresTestDatabase {
    /// The environment variable holding the URL.
    public static let urlVariable = "OCMW_TEST_POSTGRES_URL"

    /// The URL, or `nil`: then the PostgreSQL suites are skipped (visibly, see `.enabled(if:)`).
    public static let url: String? = ProcessInfo.processInfo.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 }
    public static var isConfigured: Bool { url != nil }

    public static let logger: Logger = {
        var logger = Logger(label: "postgres-stores-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `body` with `clientCount` running clients (each one "proxy instance") on a fresh schema.
    public static func withClients<Result: Sendable>(
        _ clientCount: Int = 1, _ body: @Sendable ([PostgresClient]) async throws -> Result
    ) async throws -> Result {
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try makeClient(searchPath: nil)
        let clients = try (0..<clientCount).map { _ in try makeClient(searchPath: schema) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for client in [admin] + clients { group.addTask { await client.run() } }
            defer { group.cancelAll() }
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
            do {
                let result = try await body(clients)
                try await admin.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                return result
            } catch {
                _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                throw error
            }
        }
    }

    private static func makeClient(searchPath: String?) throws -> PostgresClient {
        guard let url else { throw PostgresTestDatabaseError.notConfigured }
        var configuration = try PostgresURL(url).configuration
        if let searchPath { configuration.options.additionalStartupParameters = [("search_path", searchPath)] }
        configuration.options.maximumConnections = 8
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }
}

/// Why no test database could be opened.
public enum PostgresTestDatabaseError: Error {
    case notConfigured
}
