import Foundation
import OCMWCore

/// The durable outbox of submissions: SQLite (`SQLiteOutboxStore`) or PostgreSQL
/// (`PostgresOutboxStore`), one contract (the compatibility suite `OutboxStoreConformance`, run
/// against both, is that contract in executable form).
///
/// Life of a row: `accept` stores it `accepted`; `lease` hands due rows of one tenant to one
/// worker and marks them `delivering`; the worker ends with `markDelivered`, `markRetry` or
/// `markFailed`, each refused unless it still holds the lease. A worker that dies leaves its
/// lease to expire, after which `lease` hands the row to another.
///
/// Personal data (citizen and payload) is encrypted at rest and erased on delivery. Failed rows
/// keep it, so an operator can send them back (`retryFailed`), until `discardFailedPayloads`.
public protocol OutboxStore: Sendable {
    /// Stores a submission, or finds the one this caller stored under the same idempotency key.
    ///
    /// Atomic: of concurrent calls with one `(clientID, idempotencyKey)`, exactly one inserts.
    /// Durable when it returns: the caller may acknowledge the submission.
    /// - Returns: `.accepted` when inserted, `.existing` for the same key and fingerprint,
    ///   `.conflict` for the same key and another fingerprint.
    /// - Throws: An encryption or database error; nothing is stored then.
    func accept(_ new: NewSubmission) async throws -> AcceptResult

    /// The status of one submission, without personal data.
    /// - Returns: `nil` when no submission has this id.
    func status(id: UUID) async throws -> SubmissionStatus?

    /// The status of one submission as its submitter may see it.
    ///
    /// A submission of another client, or of another citizen when the caller acts for one, is
    /// `nil`, exactly as an unknown id: a caller learns nothing about submissions that are not
    /// its own, not even that they exist.
    /// - Parameters:
    ///   - clientID: The caller's client id, as given to `accept`.
    ///   - citizenPseudonym: The pseudonym of the citizen the caller's token is bound to, as given
    ///     to `accept`; `nil` for a caller that acts for any citizen.
    /// - Returns: `nil` when no submission has this id or it is not the caller's.
    func status(id: UUID, clientID: String, citizenPseudonym: String?) async throws -> SubmissionStatus?

    /// The submissions of one citizen, newest first, whatever their phase: what the citizen's
    /// `requests` list shows while New Social does not have them yet (pending, failed) and what
    /// ties New Social's requests to the submissions that made them (delivered, by dossier number).
    ///
    /// Every client's submissions for the citizen: the citizen's requests are theirs, whichever
    /// portal sent them. Delivered rows go with the retention (`pruneDelivered`).
    /// - Parameters:
    ///   - citizenPseudonym: The citizen's keyed pseudonym, as given to `accept`.
    ///   - limit: At most this many (the newest).
    func submissions(citizenPseudonym: String, limit: Int) async throws -> [SubmissionStatus]

    /// The follow-up feed: events after `sequence`, oldest first, of this client's submissions
    /// (and only this citizen's when `citizenPseudonym` is given).
    ///
    /// Events are written in the transaction that makes the change they tell (`accept`,
    /// `markDelivered`, `markFailed`, `retryFailed`, `recordNewSocialStatuses`), numbered in
    /// commit order, so a reader that resumes after the last sequence it saw misses none.
    /// Retention deletes a submission's events with it (`pruneDelivered`).
    func events(
        after sequence: Int64, clientID: String, citizenPseudonym: String?, limit: Int
    ) async throws
        -> [SubmissionEvent]

    /// Records the statuses New Social reports for the requests a submission made (category
    /// code → status), as a read of the citizen's requests saw them: each that differs from
    /// the last recorded (or is new) becomes a `newSocialStatus` event, once, whoever reads.
    /// - Returns: How many events were added; 0 for an unknown submission.
    @discardableResult
    func recordNewSocialStatuses(id: UUID, statuses: [String: String], now: Date) async throws -> Int

    /// Takes up to `limit` due submissions of one tenant for delivery by `owner`.
    ///
    /// Due: pending (`accepted` or `delivering`), `nextAttemptAt <= now`, and no lease or an
    /// expired one. Each is marked `delivering`, its attempts incremented, and leased to `owner`
    /// until `now + leaseDuration`, in one transaction, oldest due first. The PostgreSQL store does
    /// it with `UPDATE … WHERE id IN (SELECT id … LIMIT n FOR UPDATE SKIP LOCKED) RETURNING …`, so
    /// concurrent instances never take the same row.
    /// - Throws: `OutboxStoreError` `.unknownKeyID` or `.undecryptable` when a due row cannot be
    ///   decrypted; nothing is leased then (the rows stay due until the key ring is fixed).
    func lease(
        tenant: TenantID, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws
        -> [LeasedSubmission]

    /// Records the delivery and erases the submission's personal data.
    /// - Throws: `OutboxStoreError.leaseNotHeld` unless `owner` holds the lease of a `delivering` row.
    func markDelivered(id: UUID, owner: String, dossierNumber: String, now: Date) async throws

    /// Hands back every lease `owner` still holds (an instance stopping): those rows become due
    /// at once for whichever instance leases next, instead of after their lease expires.
    /// Attempts are not reset (a call may have been made).
    /// - Returns: How many leases were handed back.
    func releaseLeases(owner: String, now: Date) async throws -> Int

    /// Ends a failed attempt: the row stays `delivering`, unleased, due again at `nextAttemptAt`.
    /// - Parameter error: A short description for operators; no personal data.
    /// - Throws: `OutboxStoreError.leaseNotHeld` unless `owner` holds the lease.
    func markRetry(id: UUID, owner: String, error: String, nextAttemptAt: Date, now: Date) async throws

    /// The tenant's OCMW answers again: its submissions waiting out a retry backoff become due
    /// at `now`, so a backlog built up while it was down does not wait for its longest backoff.
    /// Leased and failed rows are left as they are; attempts are not reset.
    /// - Returns: How many became due.
    func expediteRetries(tenant: TenantID, now: Date) async throws -> Int

    /// Gives up: the row becomes `failed` with `reason`, keeping its payload for `retryFailed`.
    /// - Throws: `OutboxStoreError.leaseNotHeld` unless `owner` holds the lease.
    func markFailed(id: UUID, owner: String, reason: String, now: Date) async throws

    /// Operators: sends a failed submission back to `accepted`, due at `now`, attempts reset.
    /// - Returns: Its new status.
    /// - Throws: `OutboxStoreError` `.notFound`, `.notFailed`, or `.payloadDiscarded`.
    func retryFailed(id: UUID, now: Date) async throws -> SubmissionStatus

    /// Retention of failed submissions: erases the personal data of those failed before `cutoff`
    /// (they stay listed, but can no longer be retried).
    /// - Returns: How many were erased.
    func discardFailedPayloads(failedBefore cutoff: Date) async throws -> Int

    /// Retention of delivered submissions: deletes those delivered before `cutoff` (their
    /// personal data went at delivery; the audit trail keeps who submitted what, and when).
    /// - Returns: How many were deleted.
    func pruneDelivered(deliveredBefore cutoff: Date) async throws -> Int

    /// Submissions per tenant and phase; tenants and phases without any are absent.
    func counts() async throws -> [TenantID: [SubmissionPhase: Int]]

    /// Submissions for `GET /admin/outbox`, most recently updated first.
    /// - Parameters:
    ///   - state: Only this phase, or all.
    ///   - tenant: Only this tenant, or all.
    func list(state: SubmissionPhase?, tenant: TenantID?, limit: Int) async throws -> [SubmissionStatus]

    /// Tenants with at least one submission due at `now`, so a delivery service per tenant knows
    /// whom to wake.
    func tenantsWithDueWork(now: Date) async throws -> [TenantID]

    /// When the tenant's next pending submission becomes due (its `nextAttemptAt`, or its lease's
    /// expiry if later), so a delivery service can sleep until then.
    /// - Returns: `nil` when the tenant has nothing pending.
    func nextDueDate(tenant: TenantID) async throws -> Date?
}

/// Storage facts below the decrypting API: for tests (the compatibility suite checks erasure
/// and key ids through it) and health checks. Never exposes content.
public protocol OutboxStoreDiagnostics: Sendable {
    /// What the stored row of `id` physically holds.
    /// - Returns: `nil` when there is no such row.
    func storedRow(id: UUID) async throws -> StoredRowFacts?
}

/// Which personal-data columns of a stored row are non-null, and the key that encrypted them.
public struct StoredRowFacts: Sendable, Hashable {
    public let keyID: String?
    public let hasCitizen: Bool
    public let hasPayload: Bool

    public init(keyID: String?, hasCitizen: Bool, hasPayload: Bool) {
        self.keyID = keyID
        self.hasCitizen = hasCitizen
        self.hasPayload = hasPayload
    }
}
