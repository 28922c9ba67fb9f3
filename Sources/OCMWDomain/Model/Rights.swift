/// The outcome of a decision on a right, normalised from New Social's codes.
public enum DecisionStatus: CodedStatus {
    /// Toegekend: the citizen has the right.
    case granted
    /// Geweigerd.
    case refused
    /// In behandeling: not decided yet.
    case pending
    /// Ingetrokken: granted once, withdrawn since.
    case revoked
    /// A code outside the contract, as the installation wrote it.
    case unknown(String)

    public static let knownCases: [DecisionStatus] = [.granted, .refused, .pending, .revoked]

    public var name: String {
        switch self {
        case .granted: "granted"
        case .refused: "refused"
        case .pending: "pending"
        case .revoked: "revoked"
        case .unknown: unknownStatusName
        }
    }

    public var rawCode: String? {
        if case .unknown(let code) = self { return code }
        return nil
    }
}

/// A decision on one of the citizen's rights, whatever its outcome, as New Social lists it.
/// Mijn Burgerprofiel shows only the granted ones: see `RightsOverview`.
public struct RightDecision: Sendable, Hashable {
    /// The right as the OCMW names it (e.g. `Leefloon`).
    public let label: String
    /// The OCMW's code for the right (e.g. `LL`).
    public let code: String
    public let period: ValidityPeriod
    /// The amount per month in euro cents, for a right that has one.
    public let monthlyAmountCents: Int?
    /// Whether the right holds only "zolang de voorwaarden vervuld zijn".
    public let conditional: Bool
    public let status: DecisionStatus

    public init(
        label: String, code: String, period: ValidityPeriod, monthlyAmountCents: Int?,
        conditional: Bool, status: DecisionStatus
    ) {
        self.label = label
        self.code = code
        self.period = period
        self.monthlyAmountCents = monthlyAmountCents
        self.conditional = conditional
        self.status = status
    }

    /// The right as shown to the citizen, when the decision granted it; `nil` otherwise.
    public var grantedRight: GrantedRight? {
        guard status == .granted else { return nil }
        return GrantedRight(
            label: label, code: code, period: period,
            monthlyAmountCents: monthlyAmountCents, conditional: conditional)
    }
}

extension RightDecision: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            label: try container.decode(String.self, forKey: .label),
            code: try container.decode(String.self, forKey: .code),
            period: try container.decode(ValidityPeriod.self, forKey: .period),
            monthlyAmountCents: try container.decodeIfPresent(Int.self, forKey: .monthlyAmountCents),
            conditional: try container.decode(Bool.self, forKey: .conditional),
            status: try container.decode(DecisionStatus.self, forKey: .status, rawKey: .rawStatus))
    }

    /// An unknown status adds `rawStatus` (see `CodedStatus`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(code, forKey: .code)
        try container.encode(period, forKey: .period)
        try container.encodeIfPresent(monthlyAmountCents, forKey: .monthlyAmountCents)
        try container.encode(conditional, forKey: .conditional)
        try container.encode(status, forKey: .status, rawKey: .rawStatus)
    }

    private enum CodingKeys: String, CodingKey {
        case label, code, period, monthlyAmountCents, conditional, status, rawStatus
    }
}

/// A right the citizen was granted (toegekend recht), as Mijn Burgerprofiel shows it.
public struct GrantedRight: Sendable, Hashable, Codable {
    /// The right as the OCMW names it (e.g. `Aanvullende financiële hulp`).
    public let label: String
    /// The OCMW's code for the right (e.g. `AFH`).
    public let code: String
    public let period: ValidityPeriod
    /// The amount per month in euro cents, for a right that has one.
    public let monthlyAmountCents: Int?
    /// Whether it holds only as long as the conditions are met (shown with an asterisk).
    public let conditional: Bool
    /// `true` when its period ended before the day it is shown on (such a right is shown only
    /// when asked for, `include=ended`); `nil`, left out of the JSON, for a current right.
    public let ended: Bool?

    public init(
        label: String, code: String, period: ValidityPeriod, monthlyAmountCents: Int?, conditional: Bool,
        ended: Bool? = nil
    ) {
        self.label = label
        self.code = code
        self.period = period
        self.monthlyAmountCents = monthlyAmountCents
        self.conditional = conditional
        self.ended = ended
    }

    /// The same right, marked ended when its period is over on `today`.
    func marked(on today: CalendarDate) -> GrantedRight {
        GrantedRight(
            label: label, code: code, period: period, monthlyAmountCents: monthlyAmountCents,
            conditional: conditional, ended: period.end.map { $0 < today } == true ? true : nil)
    }
}

/// The citizen's granted rights at one OCMW, and how many decisions could not be read.
public struct RightsOverview: Sendable, Hashable, Codable {
    /// The granted rights, in the order the OCMW listed them. Refused, pending and revoked
    /// decisions are left out on purpose: the citizen reads those in the decision letter.
    public let granted: [GrantedRight]
    /// Decisions with a status code outside the contract: never shown as granted, but counted
    /// so that the gap is visible.
    public let unknownStatusCount: Int

    /// Keeps the granted rights among `decisions` and counts the unknown statuses.
    public init(_ decisions: [RightDecision]) {
        self.granted = decisions.grantedRights
        self.unknownStatusCount = decisions.count { $0.status.isUnknown }
    }

    private init(granted: [GrantedRight], unknownStatusCount: Int) {
        self.granted = granted
        self.unknownStatusCount = unknownStatusCount
    }

    /// The overview as a citizen sees it on `today` (§4.2: only what is current): a right whose
    /// period ended before today is left out, or, with `includeEnded`, kept and marked `ended`.
    public func shown(on today: CalendarDate, includeEnded: Bool) -> RightsOverview {
        let marked = granted.map { $0.marked(on: today) }
        return RightsOverview(
            granted: includeEnded ? marked : marked.filter { $0.ended == nil }, unknownStatusCount: unknownStatusCount)
    }
}

extension Array where Element == RightDecision {
    /// The granted rights only, in order; decisions with any other status (unknown included)
    /// are left out.
    public var grantedRights: [GrantedRight] { compactMap(\.grantedRight) }
}
