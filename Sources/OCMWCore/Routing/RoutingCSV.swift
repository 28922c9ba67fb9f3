/// The bulk-import line format of the routing index: `insz,tenant,capacity,start,end`.
///
/// One registration per line; dates are ISO `yyyy-MM-dd`; `end` is empty while the dossier is
/// open. A header line is allowed first. No quoting: none of the fields can hold a comma.
public enum RoutingCSV {
    /// The header line, as written by the generator and accepted (case-insensitively) by import.
    public static let header = "insz,tenant,capacity,start,end"

    /// Whether `line` is the header (its first field reads `insz`).
    public static func isHeader(_ line: some StringProtocol) -> Bool {
        line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            .first.map { $0.lowercased() == "insz" } ?? false
    }

    /// Parses and validates one line.
    /// - Parameters:
    ///   - line: The line without its line break.
    ///   - currentYear: Today's year, for the INSZ check-digit reading (see `INSZ(parsing:currentYear:)`).
    ///   - isKnownTenant: Whether a tenant id exists in the tenants file.
    /// - Throws: `RoutingCSVError` for the first problem found; it never quotes the line's fields.
    public static func parse(
        _ line: some StringProtocol,
        currentYear: Int,
        isKnownTenant: (TenantID) -> Bool
    ) throws(RoutingCSVError) -> RoutingRegistration {
        let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 5 else { throw RoutingCSVError(.fieldCount) }
        let insz: INSZ
        do { insz = try INSZ(parsing: fields[0], currentYear: currentYear) } catch { throw RoutingCSVError(.insz(error)) }
        guard let tenant = TenantID(String(fields[1])) else { throw RoutingCSVError(.malformedTenant) }
        guard isKnownTenant(tenant) else { throw RoutingCSVError(.unknownTenant) }
        guard let start = DayDate(iso8601: fields[3]) else { throw RoutingCSVError(.startDate) }
        var end: DayDate?
        if !fields[4].isEmpty {
            guard let day = DayDate(iso8601: fields[4]) else { throw RoutingCSVError(.endDate) }
            end = day
        }
        do {
            return try RoutingRegistration(insz: insz, tenant: tenant, capacity: String(fields[2]), start: start, end: end)
        } catch {
            throw RoutingCSVError(.registration(error))
        }
    }

    /// The line for a registration, without a line break. Contains the INSZ: files only.
    public static func line(for registration: RoutingRegistration) -> String {
        let period = registration.period
        return "\(registration.insz.digits),\(registration.tenant.rawValue),\(registration.capacity),"
            + "\(period.start.iso8601),\(period.end?.iso8601 ?? "")"
    }
}

/// Why an import line was rejected. Never quotes the line: a misplaced field could be an INSZ.
public struct RoutingCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: Hashable, Sendable {
        case fieldCount
        case insz(INSZError)
        case malformedTenant
        case unknownTenant
        case startDate
        case endDate
        case registration(RoutingRegistrationError)
    }

    let code: Code
    init(_ code: Code) { self.code = code }

    /// A short stable reason, usable as a metric label: `fieldCount`, `insz.checkDigitMismatch`,
    /// `unknownTenant`, `registration.endBeforeStart`, …
    public var reason: String {
        switch code {
        case .fieldCount: "fieldCount"
        case .insz(let error): "insz.\(error.reason)"
        case .malformedTenant: "malformedTenant"
        case .unknownTenant: "unknownTenant"
        case .startDate: "startDate"
        case .endDate: "endDate"
        case .registration(let error): "registration.\(error.reason)"
        }
    }

    public var description: String {
        switch code {
        case .fieldCount: "expected 5 comma-separated fields: insz,tenant,capacity,start,end"
        case .insz(let error): error.description
        case .malformedTenant: "tenant is not a valid tenant id"
        case .unknownTenant: "tenant is not in the tenants file"
        case .startDate: "start is not a yyyy-MM-dd date"
        case .endDate: "end is neither empty nor a yyyy-MM-dd date"
        case .registration(let error): error.description
        }
    }
}
