import Foundation
import OCMWCore

/// What status queries and operators see of a submission: no citizen, no payload.
///
/// This is everything a delivered submission keeps; the personal data goes when it is delivered.
public struct SubmissionStatus: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let kind: SubmissionKind
    public let tenant: TenantID
    public let state: SubmissionState
    /// Delivery attempts started so far (a lease counts as one, even if its holder crashed).
    public let attempts: Int
    /// When it is due for its next attempt (meaningful while pending).
    public let nextAttemptAt: Date
    public let createdAt: Date
    public let updatedAt: Date
    /// Warnings given to the caller at acceptance.
    public let warnings: [String]
    /// The last transient delivery error, for operators (never shown to citizens as is).
    public let lastError: String?

    public init(
        id: UUID, kind: SubmissionKind, tenant: TenantID, state: SubmissionState, attempts: Int,
        nextAttemptAt: Date, createdAt: Date, updatedAt: Date, warnings: [String], lastError: String?
    ) {
        self.id = id
        self.kind = kind
        self.tenant = tenant
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.warnings = warnings
        self.lastError = lastError
    }
}

/// Who may deliver a submission, and until when.
public struct SubmissionLease: Sendable, Hashable {
    /// The proxy instance holding it (its instance id).
    public let owner: String
    /// After this, another instance may take the submission over.
    public let expiresAt: Date

    public init(owner: String, expiresAt: Date) {
        self.owner = owner
        self.expiresAt = expiresAt
    }
}

/// A submission with its personal data decrypted: what a delivery needs.
public struct Submission: Sendable, Hashable, Identifiable {
    public let status: SubmissionStatus
    /// The caller that submitted it; with `idempotencyKey`, the idempotency scope.
    public let clientID: String
    /// Forwarded to New Social so a retry after a lost answer is not a duplicate.
    public let idempotencyKey: String
    public let fingerprint: RequestFingerprint
    public let citizen: INSZ
    public let payload: SubmissionPayload

    public var id: UUID { status.id }

    public init(
        status: SubmissionStatus, clientID: String, idempotencyKey: String, fingerprint: RequestFingerprint,
        citizen: INSZ, payload: SubmissionPayload
    ) {
        self.status = status
        self.clientID = clientID
        self.idempotencyKey = idempotencyKey
        self.fingerprint = fingerprint
        self.citizen = citizen
        self.payload = payload
    }
}

/// A submission handed to one delivery worker, with the lease that makes it the only one.
public struct LeasedSubmission: Sendable, Hashable, Identifiable {
    public let submission: Submission
    public let lease: SubmissionLease

    public var id: UUID { submission.id }

    public init(submission: Submission, lease: SubmissionLease) {
        self.submission = submission
        self.lease = lease
    }
}

/// The outcome of `OutboxStore.accept`.
///
/// Carries a `SubmissionStatus`, not the decrypted submission: the existing row may be delivered
/// (its personal data erased), and the request path needs only the id, state and warnings.
public enum AcceptResult: Sendable, Hashable {
    /// Stored now, durably.
    case accepted(SubmissionStatus)
    /// The same caller sent the same key with the same body before: this is that submission.
    case existing(SubmissionStatus)
    /// The same caller sent the same key with a different body (HTTP 409).
    case conflict(existingID: UUID)
}
