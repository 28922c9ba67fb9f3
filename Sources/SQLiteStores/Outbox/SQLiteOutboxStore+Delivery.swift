import Foundation
import GRDB
import OCMWCore
import Outbox

extension SQLiteOutboxStore {
    public func lease(
        tenant: TenantID, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws -> [LeasedSubmission] {
        guard limit > 0 else { return [] }
        let terms = LeaseTerms(owner: owner, now: now, duration: leaseDuration)
        let (nowUs, expiresUs, lease, ring) = (terms.nowUs, terms.expiresUs, terms.lease, keyRing)
        return try await immediateWrite { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(OutboxTable.submissionColumns)
                    FROM outbox_submission WHERE tenant = ? AND \(OutboxSchema.dueCondition)
                    ORDER BY next_attempt_us, created_us, id LIMIT ?
                    """, arguments: [tenant.rawValue, nowUs, nowUs, limit])
            return try rows.map { row in
                try db.execute(
                    sql: """
                        UPDATE outbox_submission
                        SET state = 'delivering', attempts = attempts + 1, lease_owner = ?, lease_expires_us = ?,
                            updated_us = ?
                        WHERE id = ?
                        """, arguments: [owner, expiresUs, nowUs, row["id"]])
                // Decrypting inside the transaction: a row that cannot be decrypted throws, and
                // the rollback leaves every row as it was, still due, for when the ring is fixed.
                let submission = try Self.submission(from: row, ring: ring, currentYear: terms.currentYear)
                let leased = SubmissionStatus(
                    id: submission.status.id, kind: submission.status.kind, tenant: submission.status.tenant,
                    state: .delivering, attempts: submission.status.attempts + 1,
                    nextAttemptAt: submission.status.nextAttemptAt, createdAt: submission.status.createdAt,
                    updatedAt: OutboxTime.date(nowUs), warnings: submission.status.warnings,
                    lastError: submission.status.lastError)
                return LeasedSubmission(
                    submission: Submission(
                        status: leased, clientID: submission.clientID, idempotencyKey: submission.idempotencyKey,
                        fingerprint: submission.fingerprint, citizen: submission.citizen, payload: submission.payload),
                    lease: lease)
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
            sql: """
                UPDATE outbox_submission
                SET state = 'delivered', dossier_number = ?, citizen = NULL, payload = NULL, key_id = NULL,
                    lease_owner = NULL, lease_expires_us = NULL, last_error = NULL, updated_us = ?
                """, arguments: [sealed, nowUs]
        ) { db in try OutboxSchema.appendEvent(db, id: id, .delivered, atUs: nowUs, dossierNumber: sealed) }
    }

    public func releaseLeases(owner: String, now: Date) async throws -> Int {
        try await immediateWrite { db in
            try db.execute(
                sql: """
                    UPDATE outbox_submission SET lease_owner = NULL, lease_expires_us = NULL, updated_us = ?
                    WHERE state = 'delivering' AND lease_owner = ?
                    """, arguments: [OutboxTime.microseconds(now), owner])
            return db.changesCount
        }
    }

    public func expediteRetries(tenant: TenantID, now: Date) async throws -> Int {
        let nowUs = OutboxTime.microseconds(now)
        return try await immediateWrite { db in
            // Unleased and waiting only: a row being delivered keeps its lease and its course.
            try db.execute(
                sql: """
                    UPDATE outbox_submission SET next_attempt_us = ?
                    WHERE tenant = ? AND state = 'delivering' AND lease_owner IS NULL AND next_attempt_us > ?
                    """, arguments: [nowUs, tenant.rawValue, nowUs])
            return db.changesCount
        }
    }

    public func markRetry(id: UUID, owner: String, error: String, nextAttemptAt: Date, now: Date) async throws {
        try await updateLeased(
            id: id, owner: owner,
            sql: """
                UPDATE outbox_submission
                SET lease_owner = NULL, lease_expires_us = NULL, last_error = ?, next_attempt_us = ?, updated_us = ?
                """, arguments: [error, OutboxTime.microseconds(nextAttemptAt), OutboxTime.microseconds(now)])
    }

    public func markFailed(id: UUID, owner: String, reason: String, now: Date) async throws {
        // The payload stays: an operator may retry (see `discardFailedPayloads` for its end).
        let nowUs = OutboxTime.microseconds(now)
        try await updateLeased(
            id: id, owner: owner,
            sql: """
                UPDATE outbox_submission
                SET state = 'failed', failure_reason = ?, lease_owner = NULL, lease_expires_us = NULL, updated_us = ?
                """, arguments: [reason, nowUs]
        ) { db in try OutboxSchema.appendEvent(db, id: id, .failed, atUs: nowUs, reason: reason) }
    }

    /// Runs `sql` (an UPDATE without WHERE) on the row only if `owner` holds its lease.
    ///
    /// The owner is checked, not the expiry: a worker whose lease ran out while New Social
    /// answered still records the outcome, unless another worker has taken the row over since.
    /// `then` runs in the same transaction once the row is updated (an outcome's event).
    private func updateLeased(
        id: UUID, owner: String, sql: String, arguments: StatementArguments,
        then: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) async throws {
        let idText = OutboxSchema.text(id)
        try await immediateWrite { db in
            try db.execute(
                sql: sql + " WHERE id = ? AND state = 'delivering' AND lease_owner = ?",
                arguments: arguments + [idText, owner])
            guard db.changesCount == 0 else { return try then(db) }
            let exists =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM outbox_submission WHERE id = ?",
                    arguments: [idText]) ?? false
            throw OutboxStoreError(exists ? .leaseNotHeld : .notFound, submissionID: id)
        }
    }

    private static func submission(from row: Row, ring: OutboxKeyRing, currentYear: Int) throws -> Submission {
        try OutboxRowCodec.submission(
            status: try OutboxSchema.status(from: row, ring: ring), clientID: try row.decode(forColumn: "client_id"),
            idempotencyKey: try row.decode(forColumn: "idempotency_key"), fingerprint: try row.decode(forColumn: "fingerprint"),
            keyID: try row.decode(forColumn: "key_id"), citizen: try row.decode(forColumn: "citizen"),
            payload: try row.decode(forColumn: "payload"), ring: ring, currentYear: currentYear)
    }
}
