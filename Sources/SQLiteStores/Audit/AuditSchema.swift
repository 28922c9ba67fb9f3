import AuditTrail
import Foundation
import GRDB
import OCMWCore

/// The audit table, its append-only guards, and the SQL that touches it.
///
/// Append-only design:
/// - `audit_record` refuses every UPDATE (trigger `audit_record_no_update`), and an INSERT that
///   names an existing id (`audit_record_no_replace`): `INSERT OR REPLACE` deletes the old row
///   without firing delete triggers unless `recursive_triggers` is on, which another connection
///   need not set.
/// - A DELETE is refused unless the row is older than the retention cutoff, a single-row table
///   `audit_retention` (trigger `audit_record_delete_only_expired`). Retention raises the cutoff
///   and deletes below it in one transaction; a stray `DELETE FROM audit_record` or a selective
///   delete of a recent row fails with `RAISE(ABORT)`.
/// - The cutoff only ever moves forward, and its row can be neither inserted nor deleted. To hide
///   a recent access, one would have to move the cutoff past it, which removes nothing by itself
///   but stays visible: it cannot be moved back.
/// These guards stop application bugs and mistaken SQL. They do not stop someone with write access
/// to the file, who can drop triggers; that calls for file permissions and, if ever needed,
/// shipping the trail elsewhere.
enum AuditSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: audit_record") { db in
            // `time_us`: microseconds since 1970 UTC, exact and compact; `id` orders records with
            // the same time in append order. Lists are JSON arrays.
            try db.execute(
                sql: """
                    CREATE TABLE audit_record (
                        id INTEGER PRIMARY KEY,
                        time_us INTEGER NOT NULL,
                        client_id TEXT NOT NULL,
                        citizen TEXT NULL,
                        tenants TEXT NOT NULL,
                        parts TEXT NOT NULL,
                        action TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        http_status INTEGER NOT NULL,
                        request_id TEXT NOT NULL
                    );
                    CREATE INDEX audit_record_time ON audit_record (time_us, id);
                    CREATE TABLE audit_retention (cutoff_us INTEGER NOT NULL);
                    INSERT INTO audit_retention (cutoff_us) VALUES (-9223372036854775808);
                    CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record
                    BEGIN SELECT RAISE(ABORT, 'audit records are append-only: no update'); END;
                    CREATE TRIGGER audit_record_no_replace BEFORE INSERT ON audit_record
                    WHEN EXISTS (SELECT 1 FROM audit_record WHERE id = NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'audit records are append-only: no replace'); END;
                    CREATE TRIGGER audit_record_delete_only_expired BEFORE DELETE ON audit_record
                    WHEN OLD.time_us >= (SELECT cutoff_us FROM audit_retention)
                    BEGIN SELECT RAISE(ABORT, 'audit records are removed only by retention'); END;
                    CREATE TRIGGER audit_retention_forward_only BEFORE UPDATE ON audit_retention
                    WHEN NEW.cutoff_us < OLD.cutoff_us
                    BEGIN SELECT RAISE(ABORT, 'the retention cutoff only moves forward'); END;
                    CREATE TRIGGER audit_retention_no_insert BEFORE INSERT ON audit_retention
                    BEGIN SELECT RAISE(ABORT, 'audit_retention has exactly one row'); END;
                    CREATE TRIGGER audit_retention_no_delete BEFORE DELETE ON audit_retention
                    BEGIN SELECT RAISE(ABORT, 'audit_retention has exactly one row'); END;
                    """)
        }
        return migrator
    }

    static func insert(_ record: AuditRecord, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit_record
                    (time_us, client_id, citizen, tenants, parts, action, outcome, http_status, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        // Unchecked: the nine values match the nine placeholders by construction.
        statement.setUncheckedArguments([
            AuditTime.microseconds(record.time), record.clientID, record.citizen?.hex,
            try JSONList.text(record.tenants.map(\.rawValue)), try JSONList.text(record.parts),
            record.action.rawValue, record.outcome.rawValue, record.httpStatus, record.requestID,
        ])
        try statement.execute()
    }

    /// Retention, in the caller's transaction: raise the cutoff, then delete below it.
    static func deleteOlder(thanMicroseconds cutoff: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "UPDATE audit_retention SET cutoff_us = MAX(cutoff_us, ?)", arguments: [cutoff])
        try db.execute(sql: "DELETE FROM audit_record WHERE time_us < ?", arguments: [cutoff])
        return db.changesCount
    }

    /// One batch of a period, after the position `(time_us, id)` of the last row of the previous one.
    static func page(
        from start: Int64, to end: Int64, after position: (time: Int64, id: Int64)?, limit: Int, in db: Database
    ) throws -> [(id: Int64, record: AuditRecord)] {
        let columns = "id, time_us, client_id, citizen, tenants, parts, action, outcome, http_status, request_id"
        let rows: [Row]
        if let position {
            rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(columns) FROM audit_record
                        WHERE time_us < ? AND (time_us > ? OR (time_us = ? AND id > ?))
                        ORDER BY time_us, id LIMIT ?
                        """), arguments: [end, position.time, position.time, position.id, limit])
        } else {
            rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(columns) FROM audit_record
                        WHERE time_us >= ? AND time_us < ? ORDER BY time_us, id LIMIT ?
                        """), arguments: [start, end, limit])
        }
        return try rows.map { row in (row[0], try record(from: row)) }
    }

    private static func record(from row: Row) throws -> AuditRecord {
        let citizenText: String? = row[3]
        let tenantNames = try JSONList.strings(row[4])
        let tenants = tenantNames.compactMap(TenantID.init)
        guard let action = AuditAction(rawValue: row[6]), let outcome = AuditOutcome(rawValue: row[7]),
            tenants.count == tenantNames.count
        else { throw AuditStoreError(.corruptRow) }
        var citizen: INSZPseudonym?
        if let citizenText {
            guard let pseudonym = INSZPseudonym(hex: citizenText) else { throw AuditStoreError(.corruptRow) }
            citizen = pseudonym
        }
        return AuditRecord(
            time: AuditTime.date(microseconds: row[1]), clientID: row[2], citizen: citizen, tenants: tenants,
            parts: try JSONList.strings(row[5]), action: action, outcome: outcome, httpStatus: row[8],
            requestID: row[9])
    }
}

/// A list of strings stored as a JSON array.
enum JSONList {
    static func text(_ strings: [String]) throws -> String {
        JSONStringList.text(strings)
    }

    static func strings(_ text: String) throws -> [String] {
        do { return try JSONDecoder().decode([String].self, from: Data(text.utf8)) } catch {
            throw AuditStoreError(.corruptRow)
        }
    }
}
