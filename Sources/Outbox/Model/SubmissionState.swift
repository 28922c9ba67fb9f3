/// What a citizen submitted: a request for help (steunaanvraag) or a certificate request.
public enum SubmissionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case helpRequest = "help_request"
    case certificateRequest = "certificate_request"
}

/// Where a submission is on its way to New Social.
///
/// `accepted → delivering → delivered(dossierNumber) | failed(reason)`. A delivery attempt that
/// fails transiently leaves the submission `delivering` (with a later `nextAttemptAt`): to the
/// citizen it is still on its way. An operator may send a `failed` one back to `accepted`.
public enum SubmissionState: Sendable, Hashable {
    case accepted
    case delivering
    /// New Social took it and gave it this dossier number (e.g. `2023/155`).
    case delivered(dossierNumber: String)
    /// Retries were exhausted or the OCMW refused it, for this reason.
    case failed(reason: String)

    /// The state without its detail: for counts, filters and metric labels.
    public var phase: SubmissionPhase {
        switch self {
        case .accepted: .accepted
        case .delivering: .delivering
        case .delivered: .delivered
        case .failed: .failed
        }
    }
}

/// A `SubmissionState` without its detail; the raw value is what the stores write.
public enum SubmissionPhase: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case accepted, delivering, delivered, failed

    /// Phases in lifecycle order, so tables and listings read in a stable order.
    public static func < (lhs: SubmissionPhase, rhs: SubmissionPhase) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Whether the submission still waits for delivery (and so still holds its payload).
    public var isPending: Bool { self == .accepted || self == .delivering }
}
