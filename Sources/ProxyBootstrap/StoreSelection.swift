import AuditTrail
import Foundation
import Logging
import OCMWCore
import Outbox
import PostgresNIO
import PostgresStores
import SQLiteStores

/// Where the proxy keeps its audit trail, outbox and routing index: SQLite files in the data
/// directory (one instance), or one PostgreSQL database shared by several instances.
package enum StoreSelection {
    case sqlite(dataDir: String)
    case postgres(PostgresClient)

    /// For the start-up log line.
    package var name: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgresql"
        }
    }

    /// The audit store, or `nil` for the SQLite one `SecuritySetup` opens in the data directory.
    package func auditStore(logger: Logger) async throws -> (any AuditStore)? {
        switch self {
        case .sqlite: nil
        case .postgres(let client): try await PostgresAuditStore(client: client, logger: logger)
        }
    }

    /// The outbox of submissions, encrypted with `keyRing`.
    package func outbox(keyRing: OutboxKeyRing, logger: Logger) async throws -> any OutboxStore {
        switch self {
        case .sqlite(let dataDir):
            try SQLiteOutboxStore(
                path: URL(fileURLWithPath: dataDir).appendingPathComponent(SQLiteOutboxStore.defaultFileName).path,
                keyRing: keyRing)
        case .postgres(let client): try await PostgresOutboxStore(client: client, keyRing: keyRing, logger: logger)
        }
    }

    /// The routing index.
    package func routingIndex(options: ServerOptions, logger: Logger) async throws -> any RoutingIndexStore {
        switch self {
        case .sqlite: try options.openRoutingIndex()
        case .postgres(let client): try await PostgresRoutingIndex(client: client, logger: logger)
        }
    }

    /// Watches the shared database for readiness (nil for SQLite: a file of this instance's own).
    package func reachability(logger: Logger) -> PostgresReachability? {
        switch self {
        case .sqlite: nil
        case .postgres(let client): PostgresReachability(client: client, logger: logger)
        }
    }

    /// Hears other instances' routing writes and hands them to `onChange` (nil for SQLite: no
    /// other instance writes there).
    package func routingChangeListener(
        logger: Logger, onChange: @escaping @Sendable (RoutingIndexChange) -> Void
    ) -> PostgresRoutingChangeListener? {
        switch self {
        case .sqlite: nil
        case .postgres(let client): PostgresRoutingChangeListener(client: client, logger: logger, onChange: onChange)
        }
    }
}
