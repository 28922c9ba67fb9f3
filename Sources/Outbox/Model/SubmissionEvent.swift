import Foundation
import OCMWCore

/// What happened to a submission, as the follow-up feed (`GET /v1/submission-events`) tells it.
public enum SubmissionEventType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Stored by the proxy (also again when an operator sends a failed one back).
    case accepted
    /// New Social took it; the event carries its dossier number.
    case delivered
    /// It will not be delivered; the event carries the reason (a `DeliveryFailure` category).
    case failed
    /// A read of the citizen's requests saw New Social report a new status for one of the
    /// requests the submission made (one per category of help).
    case newSocialStatus
}

/// One entry of the follow-up feed: durable, in the order the outbox recorded them.
public struct SubmissionEvent: Sendable, Hashable {
    /// The feed's order: increasing in the order the events were committed.
    public let sequence: Int64
    public let submissionID: UUID
    public let kind: SubmissionKind
    public let tenant: TenantID
    public let type: SubmissionEventType
    /// `delivered`: New Social's number (empty when its key has left the key ring).
    public let dossierNumber: String?
    /// `failed`: why.
    public let reason: String?
    /// `newSocialStatus`: the category of help of the request (New Social's code).
    public let requestKind: String?
    /// `newSocialStatus`: the request's status as the proxy names it (`inProgress`, …).
    public let status: String?
    public let at: Date

    public init(
        sequence: Int64, submissionID: UUID, kind: SubmissionKind, tenant: TenantID, type: SubmissionEventType,
        dossierNumber: String?, reason: String?, requestKind: String?, status: String?, at: Date
    ) {
        self.sequence = sequence
        self.submissionID = submissionID
        self.kind = kind
        self.tenant = tenant
        self.type = type
        self.dossierNumber = dossierNumber
        self.reason = reason
        self.requestKind = requestKind
        self.status = status
        self.at = at
    }
}
