/// A change to a shared routing index, as one instance announces it to the others (PostgreSQL
/// `NOTIFY`), so that their look-up caches forget what it made stale at once instead of a TTL
/// later.
///
/// The announcement carries the citizen's number: it travels only between the database and the
/// instances, which hold the same number in the routing table itself.
public enum RoutingIndexChange: Sendable, Equatable {
    /// The citizen has a new or changed registration at `tenant`.
    case registered(INSZ, tenant: TenantID)
    /// One of the citizen's registrations was removed.
    case unregistered(INSZ)
    /// Many citizens changed (an import), or announcements may have been missed (the listener
    /// reconnected): every cached answer is read again.
    case everything

    /// The text sent with the announcement: `r INSZ TENANT`, `u INSZ` or `*`.
    public var payload: String {
        switch self {
        case .registered(let insz, let tenant): "r \(insz.digits) \(tenant.rawValue)"
        case .unregistered(let insz): "u \(insz.digits)"
        case .everything: "*"
        }
    }

    /// Reads an announcement's text; anything unreadable counts as `.everything`, the safe
    /// reading (a cache emptied too often costs look-ups, one kept too long hides a dossier).
    /// - Parameters:
    ///   - payload: The text as received.
    ///   - currentYear: Today's year, for reading the number as `INSZ(parsing:)` does.
    public init(payload: String, currentYear: Int) {
        let fields = payload.split(separator: " ", omittingEmptySubsequences: false)
        switch (fields.first, fields.count) {
        case ("r", 3):
            if let insz = try? INSZ(parsing: fields[1], currentYear: currentYear), let tenant = TenantID(String(fields[2])) {
                self = .registered(insz, tenant: tenant)
                return
            }
        case ("u", 2):
            if let insz = try? INSZ(parsing: fields[1], currentYear: currentYear) {
                self = .unregistered(insz)
                return
            }
        default: break
        }
        self = .everything
    }
}
