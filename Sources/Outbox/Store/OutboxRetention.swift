import struct Foundation.Date

/// How long the outbox keeps what it no longer needs.
///
/// A delivered submission keeps no personal data (citizen and payload are erased on delivery),
/// but its row still says which client sent what kind of request to which OCMW and when; the
/// audit trail keeps that for as long as it keeps records, so the outbox row is needed only while
/// the citizen may still follow the submission here (after that, the OCMW's own dossier shows
/// it). A failed submission keeps its payload so an operator can send it again; after a while
/// that is no longer a reasonable thing to do, and the personal data goes.
public struct OutboxRetention: Sendable, Hashable {
    /// Days a delivered submission stays answerable at `/v1/submissions/{id}`: 90.
    public static let defaultDeliveredDays = 90
    /// Days a failed submission's personal data is kept for an operator's retry: 30.
    public static let defaultFailedPayloadDays = 30

    /// Delivered rows are deleted this many days (of 24 hours) after their delivery.
    public let deliveredDays: Int
    /// Failed rows lose their citizen and payload this many days after they failed.
    public let failedPayloadDays: Int

    /// A retention, or `nil` when either number of days is not positive.
    public init?(deliveredDays: Int = defaultDeliveredDays, failedPayloadDays: Int = defaultFailedPayloadDays) {
        guard deliveredDays > 0, failedPayloadDays > 0 else { return nil }
        self.deliveredDays = deliveredDays
        self.failedPayloadDays = failedPayloadDays
    }

    /// What one application of the retention removed.
    public struct Outcome: Sendable, Hashable {
        /// Delivered submissions deleted.
        public let deliveredDeleted: Int
        /// Failed submissions whose personal data was erased.
        public let failedPayloadsErased: Int

        public init(deliveredDeleted: Int, failedPayloadsErased: Int) {
            self.deliveredDeleted = deliveredDeleted
            self.failedPayloadsErased = failedPayloadsErased
        }
    }

    /// Deletes the delivered rows and erases the failed payloads that are past their time.
    /// - Throws: when the store cannot be written; what was done before stays done.
    @discardableResult
    public func apply(to store: any OutboxStore, now: Date = Date()) async throws -> Outcome {
        let deleted = try await store.pruneDelivered(deliveredBefore: now.addingTimeInterval(-Double(deliveredDays) * 86_400))
        let erased = try await store.discardFailedPayloads(
            failedBefore: now.addingTimeInterval(-Double(failedPayloadDays) * 86_400))
        return Outcome(deliveredDeleted: deleted, failedPayloadsErased: erased)
    }
}
