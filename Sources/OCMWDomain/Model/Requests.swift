import OCMWCore

/// A step a request for help goes through, in this order.
public enum RequestStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ingediend.
    case submitted
    /// In behandeling.
    case inProgress
    /// Beslist: the BCSD took a decision. Skipped for kinds of help that get none.
    case decided
    /// Afgesloten.
    case closed
}

/// Where a request for help stands, normalised from New Social's codes.
public enum RequestStatus: CodedStatus {
    case submitted, inProgress, decided, closed
    /// A code outside the contract, as the installation wrote it.
    case unknown(String)

    public static let knownCases: [RequestStatus] = [.submitted, .inProgress, .decided, .closed]

    /// The step this status is, or `nil` when unknown.
    public var step: RequestStep? {
        switch self {
        case .submitted: .submitted
        case .inProgress: .inProgress
        case .decided: .decided
        case .closed: .closed
        case .unknown: nil
        }
    }

    public var name: String { step?.rawValue ?? unknownStatusName }

    public var rawCode: String? {
        if case .unknown(let code) = self { return code }
        return nil
    }
}

/// A request for help (aanvraag) the citizen submitted to the OCMW.
public struct HelpRequest: Sendable, Hashable {
    /// The dossier number (e.g. `2023/155`). It numbers the citizen's dossier, so several
    /// requests may share it.
    public let dossierNumber: String
    /// The category of help, from the OCMW's code table (e.g. `AH`, `Administratieve hulp`).
    public let kind: CodeLabel
    public let submittedDate: CalendarDate
    public let status: RequestStatus
    /// When the BCSD decided, once known.
    public let decisionDate: CalendarDate?
    /// The steps this request goes through, in order; without `decided` for a kind of help that
    /// gets no decision (budget guidance, administrative help).
    public let steps: [RequestStep]
    /// The social worker handling it, when the OCMW names one.
    public let caseWorker: ContactPerson?

    /// Builds a request.
    /// - Parameter getsDecision: Whether this request goes through the `decided` step.
    public init(
        dossierNumber: String, kind: CodeLabel, submittedDate: CalendarDate, status: RequestStatus,
        decisionDate: CalendarDate?, getsDecision: Bool, caseWorker: ContactPerson? = nil
    ) {
        self.caseWorker = caseWorker
        self.dossierNumber = dossierNumber
        self.kind = kind
        self.submittedDate = submittedDate
        self.status = status
        self.decisionDate = decisionDate
        self.steps = RequestStep.allCases.filter { getsDecision || $0 != .decided }
    }

    /// The step the request is at; `nil` when its status is unknown.
    public var currentStep: RequestStep? { status.step }

    /// Kinds of help that never get a BCSD decision when the installation does not say.
    static let kindsWithoutDecision: Set<String> = ["BB", "AH"]

    /// Whether a request goes through the `decided` step.
    ///
    /// A decision that exists is always shown, whatever the kind or flag says: hiding a real
    /// decision would be worse than showing a step the OCMW did not announce.
    /// - Parameters:
    ///   - expected: The installation's `decisionExpected` / `beslissingVerwacht`, when given.
    ///   - kindCode: The kind of help, for the default when `expected` is absent.
    static func getsDecision(expected: Bool?, kindCode: String, status: RequestStatus, decisionDate: CalendarDate?) -> Bool {
        if status == .decided || decisionDate != nil { return true }
        return expected ?? !kindsWithoutDecision.contains(kindCode)
    }
}

extension HelpRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.dossierNumber = try container.decode(String.self, forKey: .dossierNumber)
        self.kind = try container.decode(CodeLabel.self, forKey: .kind)
        self.submittedDate = try container.decode(CalendarDate.self, forKey: .submittedDate)
        self.status = try container.decode(RequestStatus.self, forKey: .status, rawKey: .rawStatus)
        self.decisionDate = try container.decodeIfPresent(CalendarDate.self, forKey: .decisionDate)
        let steps = try container.decode([RequestStep].self, forKey: .steps)
        // Only the two orders a request can have: anything else is not our JSON.
        guard steps == RequestStep.allCases || steps == RequestStep.allCases.filter({ $0 != .decided }) else {
            throw DecodingError.dataCorruptedError(forKey: .steps, in: container, debugDescription: "not a sequence of steps")
        }
        self.steps = steps
        self.caseWorker = try container.decodeIfPresent(ContactPerson.self, forKey: .caseWorker)
    }

    /// An unknown status adds `rawStatus` (see `CodedStatus`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dossierNumber, forKey: .dossierNumber)
        try container.encode(kind, forKey: .kind)
        try container.encode(submittedDate, forKey: .submittedDate)
        try container.encode(status, forKey: .status, rawKey: .rawStatus)
        try container.encodeIfPresent(decisionDate, forKey: .decisionDate)
        try container.encode(steps, forKey: .steps)
        try container.encodeIfPresent(caseWorker, forKey: .caseWorker)
    }

    private enum CodingKeys: String, CodingKey {
        case dossierNumber, kind, submittedDate, status, rawStatus, decisionDate, steps, caseWorker
    }
}
