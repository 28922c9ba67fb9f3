/// One entry of the routing directory: *this citizen has a dossier with this OCMW, for this kind
/// of help, during this period* — what the KSZ reference directory holds, and nothing more.
///
/// A registration says where to ask, never what the dossier contains. Built only through the
/// validating initialisers, so a value of this type never needs re-checking.
public struct RoutingRegistration: Sendable, Hashable {
    /// The citizen. Never logged: `description` leaves it out.
    public let insz: INSZ
    /// The OCMW that holds the dossier.
    public let tenant: TenantID
    /// The capacity (kind of help) the OCMW acts in, e.g. `LL` (leefloon), as its code table has it.
    public let capacity: String
    /// The days the registration holds.
    public let period: RoutingPeriod

    /// The longest capacity code accepted.
    public static let maxCapacityLength = 16

    /// Validates a registration.
    /// - Throws: `RoutingRegistrationError` when the capacity code is empty, longer than 16
    ///   characters or holds anything but printable ASCII other than space and comma (so that it
    ///   survives the import file format unchanged).
    public init(insz: INSZ, tenant: TenantID, capacity: String, period: RoutingPeriod) throws(RoutingRegistrationError) {
        try Self.validate(capacity: capacity)
        self.insz = insz
        self.tenant = tenant
        self.capacity = capacity
        self.period = period
    }

    /// Validates a registration from its period's bounds.
    /// - Parameter end: The last day it holds, inclusive; `nil` while the dossier is open.
    /// - Throws: `RoutingRegistrationError` for a bad capacity code or an end before the start.
    public init(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate, end: DayDate?) throws(RoutingRegistrationError) {
        try self.init(insz: insz, tenant: tenant, capacity: capacity, period: RoutingPeriod(start: start, end: end))
    }

    /// Checks a capacity code on its own, e.g. the argument of an unregister call.
    /// - Throws: `RoutingRegistrationError` naming what is wrong with it.
    public static func validate(capacity: String) throws(RoutingRegistrationError) {
        let bytes = capacity.utf8
        guard !bytes.isEmpty else { throw RoutingRegistrationError(.capacityEmpty) }
        guard bytes.count <= maxCapacityLength else { throw RoutingRegistrationError(.capacityTooLong) }
        // 0x21…0x7E: printable ASCII without space; the comma separates import-file fields.
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ",") }) else {
            throw RoutingRegistrationError(.capacityInvalidCharacter)
        }
    }
}

extension RoutingRegistration: CustomStringConvertible, CustomReflectable {
    public var description: String { "RoutingRegistration(tenant: \(tenant), capacity: \(capacity), period: \(period))" }

    /// Without the INSZ: test failures and `dump` print a value's mirror.
    public var customMirror: Mirror {
        Mirror(self, children: ["tenant": tenant, "capacity": capacity, "period": period])
    }
}

/// The days a registration holds: from `start` up to and including `end`, or open-ended.
public struct RoutingPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day it holds.
    public let start: DayDate
    /// The last day it holds, inclusive; `nil` while open.
    public let end: DayDate?

    /// - Throws: `RoutingRegistrationError` when `end` is before `start`.
    public init(start: DayDate, end: DayDate?) throws(RoutingRegistrationError) {
        if let end, end < start { throw RoutingRegistrationError(.endBeforeStart) }
        self.start = start
        self.end = end
    }

    /// Whether `day` lies in the period: `start ≤ day ≤ end`, with no upper bound when open.
    public func covers(_ day: DayDate) -> Bool {
        start <= day && end.map { day <= $0 } ?? true
    }

    public var description: String { "\(start)…\(end?.iso8601 ?? "open")" }
}

/// Why a registration is not valid.
public struct RoutingRegistrationError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case capacityEmpty = "capacity code is empty"
        case capacityTooLong = "capacity code is longer than 16 characters"
        case capacityInvalidCharacter = "capacity code may only hold printable ASCII without space or comma"
        case endBeforeStart = "end date is before start date"
    }

    let code: Code
    init(_ code: Code) { self.code = code }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }
    public var description: String { code.rawValue }
}
