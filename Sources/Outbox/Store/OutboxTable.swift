/// The outbox table as every store defines it, in the SQL its database speaks.
///
/// One row per submission. Personal data lives only in `citizen` and `payload`, each an AES-GCM
/// ciphertext under the key named by `key_id`; the CHECK constraints make the lifecycle's storage
/// promises hold whatever code writes the row: pending rows have their ciphertexts, delivered rows
/// have none. Times are microseconds since 1970 UTC (exact, and ordered as integers).
package enum OutboxTable {
    /// The type names of one database.
    package struct Types: Sendable {
        let id: String, bytes: String, int64: String, serial: String

        package static let sqlite = Types(
            id: "TEXT", bytes: "BLOB", int64: "INTEGER", serial: "INTEGER PRIMARY KEY AUTOINCREMENT")
        package static let postgres = Types(id: "UUID", bytes: "BYTEA", int64: "BIGINT", serial: "BIGSERIAL PRIMARY KEY")
    }

    /// `CREATE TABLE` and its index of due rows, one statement each; `citizenPseudonymStatements`
    /// follow them.
    /// - Parameter ifNotExists: For migrations that run every time (PostgreSQL's), not once.
    package static func statements(_ types: Types, ifNotExists: Bool) -> [String] {
        let guarded = ifNotExists ? " IF NOT EXISTS" : ""
        return [
            """
            CREATE TABLE\(guarded) outbox_submission (
                id \(types.id) NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                tenant TEXT NOT NULL,
                client_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                fingerprint \(types.bytes) NOT NULL,
                key_id TEXT NULL,
                citizen \(types.bytes) NULL,
                payload \(types.bytes) NULL,
                state TEXT NOT NULL CHECK (state IN ('accepted', 'delivering', 'delivered', 'failed')),
                dossier_number TEXT NULL,
                failure_reason TEXT NULL,
                last_error TEXT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_us \(types.int64) NOT NULL,
                created_us \(types.int64) NOT NULL,
                updated_us \(types.int64) NOT NULL,
                lease_owner TEXT NULL,
                lease_expires_us \(types.int64) NULL,
                warnings TEXT NOT NULL DEFAULT '[]',
                CHECK (state <> 'delivered' OR (citizen IS NULL AND payload IS NULL AND key_id IS NULL
                                                AND dossier_number IS NOT NULL)),
                CHECK (state NOT IN ('accepted', 'delivering') OR (citizen IS NOT NULL AND payload IS NOT NULL
                                                                   AND key_id IS NOT NULL)),
                CHECK (state <> 'failed' OR failure_reason IS NOT NULL),
                CHECK ((lease_owner IS NULL) = (lease_expires_us IS NULL))
            )
            """,
            "CREATE INDEX\(guarded) outbox_submission_due ON outbox_submission (tenant, state, next_attempt_us)",
        ]
    }

    /// The first version's idempotency index (one key per client), which the second replaces:
    /// created only by SQLite's first migration, so its second one finds what it expects.
    package static let firstIdempotencyIndex =
        "CREATE UNIQUE INDEX outbox_submission_idempotency ON outbox_submission (client_id, idempotency_key)"

    /// The second version: the citizen's keyed pseudonym, kept after delivery, and idempotency
    /// keys unique per client *and* citizen (rows from before have no pseudonym; they stay
    /// visible to callers that act for any citizen, and their keys cannot collide with new ones).
    /// - Parameter ifNotExists: For migrations that run every time (PostgreSQL's), not once.
    package static func citizenPseudonymStatements(ifNotExists: Bool) -> [String] {
        let guarded = ifNotExists ? " IF NOT EXISTS" : ""
        return [
            "ALTER TABLE outbox_submission ADD COLUMN\(guarded) citizen_pseudonym TEXT NULL",
            "DROP INDEX IF EXISTS outbox_submission_idempotency",
            """
            CREATE UNIQUE INDEX\(guarded) outbox_submission_citizen_idempotency
                ON outbox_submission (client_id, citizen_pseudonym, idempotency_key)
            """,
            "CREATE INDEX\(guarded) outbox_submission_citizen ON outbox_submission (citizen_pseudonym, created_us)",
        ]
    }

    /// The third version: the follow-up feed. One row per event, numbered in commit order (the
    /// stores write events one transaction at a time), with the submission's client, citizen
    /// pseudonym, kind and OCMW so the feed is read without the submission (which retention
    /// deletes together with its events). A delivered event's dossier number is sealed as the
    /// submission's is. `reported_statuses` keeps, per submission, the New Social statuses a
    /// read last saw (JSON, category code → status), so a change is recorded once.
    /// - Parameter ifNotExists: For migrations that run every time (PostgreSQL's), not once.
    package static func eventStatements(_ types: Types, ifNotExists: Bool) -> [String] {
        let guarded = ifNotExists ? " IF NOT EXISTS" : ""
        return [
            """
            CREATE TABLE\(guarded) outbox_event (
                seq \(types.serial),
                submission_id \(types.id) NOT NULL,
                client_id TEXT NOT NULL,
                citizen_pseudonym TEXT NULL,
                kind TEXT NOT NULL,
                tenant TEXT NOT NULL,
                event TEXT NOT NULL CHECK (event IN ('accepted', 'delivered', 'failed', 'newSocialStatus')),
                dossier_number TEXT NULL,
                reason TEXT NULL,
                request_kind TEXT NULL,
                status TEXT NULL,
                at_us \(types.int64) NOT NULL
            )
            """,
            "CREATE INDEX\(guarded) outbox_event_client ON outbox_event (client_id, seq)",
            "CREATE INDEX\(guarded) outbox_event_submission ON outbox_event (submission_id)",
            "ALTER TABLE outbox_submission ADD COLUMN\(guarded) reported_statuses TEXT NULL",
        ]
    }

    /// Appends an event of the submission `id`, copying what the feed needs from its row.
    /// - Parameter placeholders: The database's seven parameter markers, in this order: event,
    ///   dossier number, reason, request kind, status, time, submission id.
    package static func insertEvent(_ placeholders: [String]) -> String {
        let p = placeholders
        return """
            INSERT INTO outbox_event
                (submission_id, client_id, citizen_pseudonym, kind, tenant, event, dossier_number, reason,
                 request_kind, status, at_us)
            SELECT id, client_id, citizen_pseudonym, kind, tenant, \(p[0]), \(p[1]), \(p[2]), \(p[3]), \(p[4]), \(p[5])
            FROM outbox_submission WHERE id = \(p[6])
            """
    }

    /// The columns `OutboxRowCodec.event` reads, in the order every store selects them.
    package static let eventColumns = """
        seq, submission_id, kind, tenant, event, dossier_number, reason, request_kind, status, at_us
        """

    /// The columns `OutboxRowCodec.status` needs, in the order every store selects them.
    package static let statusColumns = """
        id, kind, tenant, state, dossier_number, failure_reason, attempts, next_attempt_us, created_us, \
        updated_us, warnings, last_error
        """

    /// The status columns plus what a delivery decrypts.
    package static let submissionColumns = statusColumns + ", client_id, idempotency_key, fingerprint, key_id, citizen, payload"
}
