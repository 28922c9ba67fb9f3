import GRDB
import OCMWCore

import struct Foundation.Date

/// The columns and key of `routing_registration`, the same in every store: the key leads with
/// `insz`, so one citizen's rows sit together in it and a lookup is one range scan. Dates are ISO
/// `yyyy-MM-dd` text, which compares like the dates themselves.
package enum RoutingTable {
    package static let definition = """
        insz TEXT NOT NULL,
        tenant TEXT NOT NULL,
        capacity TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NULL,
        registered_at TEXT NOT NULL,
        PRIMARY KEY (insz, tenant, capacity, start_date)
        """
}

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

/// A row as read, before it is validated back into a `RoutingRegistration` (by every routing
/// store: they all keep dates as ISO text).
package struct StoredRow: Sendable {
    let tenant: String
    let capacity: String
    let start: String
    let end: String?

    package init(tenant: String, capacity: String, start: String, end: String?) {
        self.tenant = tenant
        self.capacity = capacity
        self.start = start
        self.end = end
    }

    /// - Throws: `RoutingIndexError` when the row does not hold a valid registration (a file
    ///   edited by hand, or written by a newer version).
    package func registration(insz: INSZ) throws(RoutingIndexError) -> RoutingRegistration {
        guard let tenant = TenantID(tenant), let start = DayDate(iso8601: start) else { throw RoutingIndexError(.corruptRow) }
        var endDay: DayDate?
        if let end {
            guard let day = DayDate(iso8601: end) else { throw RoutingIndexError(.corruptRow) }
            endDay = day
        }
        do {
            return try RoutingRegistration(insz: insz, tenant: tenant, capacity: capacity, start: start, end: endDay)
        } catch {
            throw RoutingIndexError(.corruptRow)
        }
    }
}

/// `registered_at` as ISO 8601 UTC to the second, e.g. `2025-03-01T09:15:00Z`.
package enum RegisteredAt {
    package static func text(_ date: Date) -> String {
        let day = DayDate(date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) - day.daysSinceEpoch * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock = (0..<86_400).contains(seconds) ? seconds : 0
        return "\(day.iso8601)T\(two(clock / 3600)):\(two(clock / 60 % 60)):\(two(clock % 60))Z"
    }
}
