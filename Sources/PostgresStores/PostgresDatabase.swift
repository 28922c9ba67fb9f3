import Logging
import PostgresNIO

/// What the PostgreSQL stores share: migrating a schema once among instances, transactions that
/// rethrow the store's own errors, and reading one number back.
enum PostgresDatabase {
    /// Runs `statements` (each safe to run again) in one transaction under the advisory lock
    /// `lockKey`, so several proxy instances starting together create a schema once and none
    /// sees it half made.
    static func migrate(_ client: PostgresClient, lockKey: Int64, statements: [String], logger: Logger) async throws {
        try await transaction(client, logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Runs `body` in one transaction, committed when it returns, rolled back when it throws.
    ///
    /// PostgresNIO wraps whatever the body throws in a `PostgresTransactionError`; callers
    /// match the store's typed errors (`leaseNotHeld`, `unknownKeyID`), so a body's error that
    /// rolled back cleanly is rethrown as it was.
    static func transaction<Result: Sendable>(
        _ client: PostgresClient, logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    /// The one `bigint` of a one-row, one-column result (e.g. `count(*)`).
    /// - Throws: `missing` when there is no such value.
    static func singleInt(_ rows: PostgresRowSequence, missing: some Error) async throws -> Int {
        for try await value in rows.decode(Int64.self) { return Int(value) }
        throw missing
    }
}
