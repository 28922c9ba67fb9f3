import Foundation
import OCMWCore

/// A validated submission the server hands to `OutboxStore.accept`.
public struct NewSubmission: Sendable {
    /// The tracking id the caller gets back (`/v1/submissions/{id}`).
    public let id: UUID
    public let kind: SubmissionKind
    /// The OCMW it goes to.
    public let tenant: TenantID
    /// The authenticated caller (its client id): idempotency keys are scoped per caller, so two
    /// callers choosing the same key never see each other's submissions.
    public let clientID: String
    /// The caller's `Idempotency-Key`, forwarded to New Social on delivery.
    public let idempotencyKey: String
    /// Whose request it is. Stored encrypted.
    public let citizen: INSZ
    /// The citizen's keyed pseudonym (the audit trail's): kept after delivery, when the citizen
    /// itself is erased, so that idempotency keys are scoped per client *and* citizen and a
    /// token bound to one citizen finds only that citizen's submissions.
    public let citizenPseudonym: String
    /// What goes to New Social. Stored encrypted.
    public let payload: SubmissionPayload
    /// Detects "same key, different body".
    public let fingerprint: RequestFingerprint
    /// Warnings for the caller (e.g. a domicile outside the OCMW's municipality). Stored in
    /// plain text: codes or fixed sentences, never personal data.
    public let warnings: [String]
    /// When the proxy received it; also its first delivery time.
    public let receivedAt: Date

    /// - Parameter fingerprint: Defaults to `RequestFingerprint(kind:tenant:citizen:payload:)`.
    public init(
        id: UUID = UUID(), kind: SubmissionKind, tenant: TenantID, clientID: String, idempotencyKey: String,
        citizen: INSZ, citizenPseudonym: String, payload: SubmissionPayload, fingerprint: RequestFingerprint? = nil,
        warnings: [String] = [], receivedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.tenant = tenant
        self.clientID = clientID
        self.idempotencyKey = idempotencyKey
        self.citizen = citizen
        self.citizenPseudonym = citizenPseudonym
        self.payload = payload
        self.fingerprint =
            fingerprint
            ?? RequestFingerprint(kind: kind, tenant: tenant, citizen: citizen, payload: payload)
        self.warnings = warnings
        self.receivedAt = receivedAt
    }
}
