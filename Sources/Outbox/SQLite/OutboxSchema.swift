import Foundation
import GRDB
import OCMWCore

/// The outbox table and the conversions between its rows and the model.
///
/// One row per submission. Personal data lives only in `citizen` and `payload`, each an
/// AES-GCM ciphertext under the key named by `key_id`; the CHECK constraints make the
/// lifecycle's storage promises hold whatever code writes the row: pending rows have their
/// ciphertexts, delivered rows have none. Times are microseconds since 1970 UTC (exact, and
/// ordered as integers).
enum OutboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: outbox_submission") { db in
            try db.execute(sql: """
                CREATE TABLE outbox_submission (
                    id TEXT NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL,
                    tenant TEXT NOT NULL,
                    client_id TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    fingerprint BLOB NOT NULL,
                    key_id TEXT NULL,
                    citizen BLOB NULL,
                    payload BLOB NULL,
                    state TEXT NOT NULL CHECK (state IN ('accepted', 'delivering', 'delivered', 'failed')),
                    dossier_number TEXT NULL,
                    failure_reason TEXT NULL,
                    last_error TEXT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_us INTEGER NOT NULL,
                    created_us INTEGER NOT NULL,
                    updated_us INTEGER NOT NULL,
                    lease_owner TEXT NULL,
                    lease_expires_us INTEGER NULL,
                    warnings TEXT NOT NULL DEFAULT '[]',
                    CHECK (state <> 'delivered' OR (citizen IS NULL AND payload IS NULL AND key_id IS NULL
                                                    AND dossier_number IS NOT NULL)),
                    CHECK (state NOT IN ('accepted', 'delivering') OR (citizen IS NOT NULL AND payload IS NOT NULL
                                                                       AND key_id IS NOT NULL)),
                    CHECK (state <> 'failed' OR failure_reason IS NOT NULL),
                    CHECK ((lease_owner IS NULL) = (lease_expires_us IS NULL))
                );
                CREATE UNIQUE INDEX outbox_submission_idempotency ON outbox_submission (client_id, idempotency_key);
                CREATE INDEX outbox_submission_due ON outbox_submission (tenant, state, next_attempt_us);
                """)
        }
        return migrator
    }

    /// The columns `status(from:)` reads.
    static let statusColumns = """
        id, kind, tenant, state, dossier_number, failure_reason, attempts, next_attempt_us, created_us, \
        updated_us, warnings, last_error
        """

    /// The condition for "due at `?`" (the time bound twice): pending, its time come, unleased.
    static let dueCondition = """
        state IN ('accepted', 'delivering') AND next_attempt_us <= ? \
        AND (lease_expires_us IS NULL OR lease_expires_us <= ?)
        """

    static func status(from row: Row) throws -> SubmissionStatus {
        guard let id = UUID(uuidString: try row.decode(forColumn: "id")),
              let kind = SubmissionKind(rawValue: try row.decode(forColumn: "kind")),
              let tenant = TenantID(try row.decode(forColumn: "tenant")),
              let phase = SubmissionPhase(rawValue: try row.decode(forColumn: "state"))
        else { throw OutboxStoreError(.corruptRow) }
        let state: SubmissionState
        switch phase {
        case .accepted: state = .accepted
        case .delivering: state = .delivering
        case .delivered:
            guard let number: String = try row.decode(forColumn: "dossier_number") else {
                throw OutboxStoreError(.corruptRow, submissionID: id)
            }
            state = .delivered(dossierNumber: number)
        case .failed:
            guard let reason: String = try row.decode(forColumn: "failure_reason") else {
                throw OutboxStoreError(.corruptRow, submissionID: id)
            }
            state = .failed(reason: reason)
        }
        return SubmissionStatus(
            id: id, kind: kind, tenant: tenant, state: state, attempts: try row.decode(forColumn: "attempts"),
            nextAttemptAt: OutboxTime.date(try row.decode(forColumn: "next_attempt_us")),
            createdAt: OutboxTime.date(try row.decode(forColumn: "created_us")),
            updatedAt: OutboxTime.date(try row.decode(forColumn: "updated_us")),
            warnings: try JSONList.strings(try row.decode(forColumn: "warnings")),
            lastError: try row.decode(forColumn: "last_error"))
    }

    /// The canonical text of an id in the `id` column (lowercase, as PostgreSQL prints uuids).
    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }
}

/// Times as microseconds since 1970 UTC.
enum OutboxTime {
    static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}

/// A list of strings stored as a JSON array.
enum JSONList {
    static func text(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }

    static func strings(_ text: String) throws -> [String] {
        do { return try JSONDecoder().decode([String].self, from: Data(text.utf8)) } catch {
            throw OutboxStoreError(.corruptRow)
        }
    }
}
