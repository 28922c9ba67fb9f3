import Logging
import PostgresNIO

/// The audit tables in PostgreSQL and the triggers that make them append-only, as in SQLite:
///
/// - `audit_record` refuses every UPDATE and every TRUNCATE (which would bypass the row triggers),
///   and a DELETE of any row whose time is not before the retention cutoff.
/// - `audit_retention` holds exactly one row, the cutoff, which only moves forward: removing
///   recent records would take raising the cutoff past them first, which is visible in the row.
///
/// The migration is idempotent and runs in one transaction under an advisory lock, so several
/// proxy instances starting together create the schema once.
enum PostgresAuditSchema {
    /// Serialises concurrent migrations (an arbitrary constant: "ocmw" "audt" in ASCII).
    static let migrationLockKey: Int64 = 0x6F63_6D77_6175_6474

    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await PostgresDatabase.migrate(client, lockKey: migrationLockKey, statements: statements, logger: logger)
    }

    /// Every statement is safe to run again.
    static let statements: [String] = [
        """
        CREATE TABLE IF NOT EXISTS audit_record (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time_us BIGINT NOT NULL,
            client_id TEXT NOT NULL,
            citizen TEXT,
            tenants TEXT[] NOT NULL,
            parts TEXT[] NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            http_status INTEGER NOT NULL,
            request_id TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS audit_record_time ON audit_record (time_us, id)",
        """
        CREATE TABLE IF NOT EXISTS audit_retention (
            only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
            cutoff_us BIGINT NOT NULL)
        """,
        // Before the guard below exists (first run), or a no-op (the row is there).
        """
        INSERT INTO audit_retention (only_row, cutoff_us)
        SELECT TRUE, -9223372036854775808 WHERE NOT EXISTS (SELECT 1 FROM audit_retention)
        """,
        function("audit_record_no_update", "RAISE EXCEPTION 'audit records are append-only: no update';"),
        function("audit_record_no_truncate", "RAISE EXCEPTION 'audit records are removed only by retention';"),
        function(
            "audit_record_delete_only_expired",
            """
            IF OLD.time_us >= (SELECT cutoff_us FROM audit_retention) THEN
                RAISE EXCEPTION 'audit records are removed only by retention';
            END IF;
            RETURN OLD;
            """),
        function(
            "audit_retention_forward_only",
            """
            IF NEW.cutoff_us < OLD.cutoff_us OR NEW.only_row IS DISTINCT FROM OLD.only_row THEN
                RAISE EXCEPTION 'the retention cutoff only moves forward';
            END IF;
            RETURN NEW;
            """),
        function("audit_retention_one_row", "RAISE EXCEPTION 'audit_retention has exactly one row';"),
        trigger("audit_record_no_update", on: "audit_record", "BEFORE UPDATE", "ROW"),
        trigger("audit_record_no_truncate", on: "audit_record", "BEFORE TRUNCATE", "STATEMENT"),
        trigger("audit_record_delete_only_expired", on: "audit_record", "BEFORE DELETE", "ROW"),
        trigger("audit_retention_forward_only", on: "audit_retention", "BEFORE UPDATE", "ROW"),
        // Row-level: the seeding INSERT above inserts no row once the row exists, and fires nothing.
        trigger("audit_retention_one_row", on: "audit_retention", "BEFORE INSERT OR DELETE", "ROW"),
        trigger(
            "audit_retention_one_row", named: "audit_retention_no_truncate", on: "audit_retention",
            "BEFORE TRUNCATE", "STATEMENT"),
    ]

    private static func function(_ name: String, _ body: String) -> String {
        """
        CREATE OR REPLACE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
        \(body)
        END
        $fn$
        """
    }

    /// `CREATE OR REPLACE TRIGGER` needs PostgreSQL 14; drop-and-create works on older servers too
    /// (and runs under the migration's lock, so no instance sees the table unguarded).
    private static func trigger(
        _ function: String, named name: String? = nil, on table: String, _ timing: String, _ level: String
    ) -> String {
        let name = name ?? function
        return """
            DO $do$ BEGIN
                DROP TRIGGER IF EXISTS \(name) ON \(table);
                CREATE TRIGGER \(name) \(timing) ON \(table) FOR EACH \(level) EXECUTE FUNCTION \(function)();
            END $do$
            """
    }
}
