import Foundation
import OCMWCore
import Outbox
import PostgresNIO

extension PostgresOutboxStore {
    /// One statement picks and leases the rows: the inner SELECT locks the due rows it takes and
    /// skips those another instance's lease statement holds locked, so two instances leasing at
    /// once get disjoint rows instead of waiting for, or taking, each other's.
    public func lease(
        tenant: TenantID, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws -> [LeasedSubmission] {
        guard limit > 0 else { return [] }
        let terms = LeaseTerms(owner: owner, now: now, duration: leaseDuration)
        let (nowUs, expiresUs, ring, logger) = (terms.nowUs, terms.expiresUs, keyRing, logger)
        return try await PostgresDatabase.transaction(client, logger: logger) { connection in
            let rows = try await connection.query(
                """
                UPDATE outbox_submission
                SET state = 'delivering', attempts = attempts + 1, lease_owner = \(owner),
                    lease_expires_us = \(expiresUs), updated_us = \(nowUs)
                WHERE id IN (
                    SELECT id FROM outbox_submission
                    WHERE tenant = \(tenant.rawValue) AND state IN ('accepted', 'delivering')
                      AND next_attempt_us <= \(nowUs) AND (lease_expires_us IS NULL OR lease_expires_us <= \(nowUs))
                    ORDER BY next_attempt_us, created_us, id
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: PostgresOutboxSchema.submissionColumns)
                """, logger: logger)
            var leased: [LeasedSubmission] = []
            // Decrypting inside the transaction: a row that cannot be decrypted throws, and the
            // rollback leaves every row as it was, still due, for when the ring is fixed.
            for try await row in rows {
                let submission = try PostgresOutboxSchema.submission(from: row, ring: ring, currentYear: terms.currentYear)
                leased.append(LeasedSubmission(submission: submission, lease: terms.lease))
            }
            // RETURNING follows no ORDER BY: restore "oldest due first".
            return leased.sorted { left, right in
                let (l, r) = (left.submission.status, right.submission.status)
                return (l.nextAttemptAt, l.createdAt, l.id.uuidString.lowercased())
                    < (r.nextAttemptAt, r.createdAt, r.id.uuidString.lowercased())
            }
        }
    }

    public func markDelivered(id: UUID, owner: String, dossierNumber: String, now: Date) async throws {
        // The personal data goes in the same statement that records the delivery; the dossier
        // number is kept sealed.
        let sealed = try OutboxRowCodec.sealDossierNumber(dossierNumber, rowID: id, ring: keyRing)
        let nowUs = OutboxTime.microseconds(now)
        try await updateLeased(
            id: id, owner: owner,
            """
            UPDATE outbox_submission
            SET state = 'delivered', dossier_number = \(sealed), citizen = NULL, payload = NULL, key_id = NULL,
                lease_owner = NULL, lease_expires_us = NULL, last_error = NULL, updated_us = \(nowUs)
            """, event: (.delivered, nowUs, sealed, nil))
    }

    public func markRetry(id: UUID, owner: String, error: String, nextAttemptAt: Date, now: Date) async throws {
        try await updateLeased(
            id: id, owner: owner,
            """
            UPDATE outbox_submission
            SET lease_owner = NULL, lease_expires_us = NULL, last_error = \(error),
                next_attempt_us = \(OutboxTime.microseconds(nextAttemptAt)), updated_us = \(OutboxTime.microseconds(now))
            """)
    }

    public func releaseLeases(owner: String, now: Date) async throws -> Int {
        try await PostgresDatabase.singleInt(
            client.query(
                """
                WITH released AS (
                    UPDATE outbox_submission SET lease_owner = NULL, lease_expires_us = NULL,
                        updated_us = \(OutboxTime.microseconds(now))
                    WHERE state = 'delivering' AND lease_owner = \(owner)
                    RETURNING 1)
                SELECT count(*) FROM released
                """, logger: logger), missing: OutboxStoreError(.corruptRow))
    }

    public func expediteRetries(tenant: TenantID, now: Date) async throws -> Int {
        let nowUs = OutboxTime.microseconds(now)
        // Unleased and waiting only: a row being delivered keeps its lease and its course.
        return try await PostgresDatabase.singleInt(
            client.query(
                """
                WITH expedited AS (
                    UPDATE outbox_submission SET next_attempt_us = \(nowUs)
                    WHERE tenant = \(tenant.rawValue) AND state = 'delivering' AND lease_owner IS NULL
                      AND next_attempt_us > \(nowUs)
                    RETURNING 1)
                SELECT count(*) FROM expedited
                """, logger: logger), missing: OutboxStoreError(.corruptRow))
    }

    public func markFailed(id: UUID, owner: String, reason: String, now: Date) async throws {
        // The payload stays: an operator may retry (see `discardFailedPayloads` for its end).
        let nowUs = OutboxTime.microseconds(now)
        try await updateLeased(
            id: id, owner: owner,
            """
            UPDATE outbox_submission
            SET state = 'failed', failure_reason = \(reason), lease_owner = NULL, lease_expires_us = NULL,
                updated_us = \(nowUs)
            """, event: (.failed, nowUs, nil, reason))
    }

    /// Runs `update` (an UPDATE without WHERE) on the row only if `owner` holds its lease, in one
    /// statement that also tells a missing row from one leased to someone else.
    ///
    /// The owner is checked, not the expiry: a worker whose lease ran out while New Social
    /// answered still records the outcome, unless another worker has taken the row over since.
    ///
    /// With an `event` (type, time, dossier number, reason), the update and the event are one
    /// transaction.
    private func updateLeased(
        id: UUID, owner: String, _ update: PostgresQuery,
        event: (type: SubmissionEventType, atUs: Int64, dossierNumber: String?, reason: String?)? = nil
    ) async throws {
        let (idBind, ownerBind) = (update.binds.count + 1, update.binds.count + 2)
        var query = PostgresQuery(
            unsafeSQL: """
                WITH updated AS (\(update.sql)
                    WHERE id = $\(idBind) AND state = 'delivering' AND lease_owner = $\(ownerBind) RETURNING 1)
                SELECT (SELECT count(*) FROM updated), EXISTS (SELECT 1 FROM outbox_submission WHERE id = $\(idBind))
                """, binds: update.binds)
        query.binds.append(id)
        query.binds.append(owner)
        let logger = logger
        try await PostgresDatabase.transaction(client, logger: logger) { connection in
            for try await (updated, exists) in try await connection.query(query, logger: logger).decode((Int64, Bool).self) {
                guard updated == 0 else {
                    if let event {
                        try await PostgresOutboxSchema.appendEvent(
                            connection, id: id, event.type, atUs: event.atUs, dossierNumber: event.dossierNumber,
                            reason: event.reason, logger: logger)
                    }
                    return
                }
                throw OutboxStoreError(exists ? .leaseNotHeld : .notFound, submissionID: id)
            }
            throw OutboxStoreError(.notFound, submissionID: id)
        }
    }
}
