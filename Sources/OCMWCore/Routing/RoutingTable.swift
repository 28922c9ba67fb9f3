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

/// A row as read, before it is validated back into a `RoutingRegistration` (by every routing
/// store: they all keep dates as ISO text).
package struct StoredRow: Sendable {
    package let tenant: String
    package let capacity: String
    package let start: String
    package let end: String?

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
