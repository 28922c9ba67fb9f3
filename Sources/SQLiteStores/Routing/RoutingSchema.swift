import GRDB
import OCMWCore

import struct Foundation.Date

/// The table in SQLite, its migrations and the SQL that touches it.
enum RoutingSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: routing_registration") { db in
            // WITHOUT ROWID: rows are stored in primary-key order, so one citizen's rows sit
            // together and a lookup is one range scan of the key, whose first column is `insz`.
            // That key is the index by INSZ; a second index on `insz` would only duplicate it.
            // Dates are ISO `yyyy-MM-dd` text, which compares like the dates themselves.
            try db.execute(sql: "CREATE TABLE routing_registration (\(RoutingTable.definition)) WITHOUT ROWID")
        }
        return migrator
    }

    /// Inserts a registration or, for an existing key, replaces its end date and stamp.
    static func upsert(_ registration: RoutingRegistration, registeredAt stamp: String, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO routing_registration (insz, tenant, capacity, start_date, end_date, registered_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (insz, tenant, capacity, start_date)
                DO UPDATE SET end_date = excluded.end_date, registered_at = excluded.registered_at
                """)
        // Unchecked: the six values match the six placeholders by construction.
        statement.setUncheckedArguments([
            registration.insz.digits, registration.tenant.rawValue, registration.capacity,
            registration.period.start.iso8601, registration.period.end?.iso8601, stamp,
        ])
        try statement.execute()
    }

    /// The SQL of a lookup, shared with the test that checks its query plan.
    static let coveringSQL = """
        SELECT tenant, capacity, start_date, end_date FROM routing_registration
        WHERE insz = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
        ORDER BY tenant, capacity, start_date
        """

    /// The rows of one citizen whose period covers `day` (both as stored text).
    static func covering(insz: String, day: String, in db: Database) throws -> [StoredRow] {
        try Row.fetchAll(db.cachedStatement(sql: coveringSQL), arguments: [insz, day, day]).map { row in
            StoredRow(tenant: row[0], capacity: row[1], start: row[2], end: row[3])
        }
    }
}
