import Foundation
import OCMWCore
import Outbox
import PostgresNIO

extension PostgresOutboxStore {
    public func retryFailed(id: UUID, now: Date) async throws -> SubmissionStatus {
        let nowUs = OutboxTime.microseconds(now)
        let logger = logger
        return try await PostgresDatabase.transaction(client, logger: logger) { connection in
            // Locked: a concurrent retry of the same row waits here and then finds it accepted.
            let found = try await connection.query(
                """
                SELECT state, payload IS NOT NULL FROM outbox_submission WHERE id = \(id) FOR UPDATE
                """, logger: logger
            ).decode((String, Bool).self)
            var current: (state: String, hasPayload: Bool)?
            for try await row in found { current = row }
            guard let current else { throw OutboxStoreError(.notFound, submissionID: id) }
            guard current.state == SubmissionPhase.failed.rawValue else { throw OutboxStoreError(.notFailed, submissionID: id) }
            guard current.hasPayload else { throw OutboxStoreError(.payloadDiscarded, submissionID: id) }
            // Attempts start over: the operator gives it a fresh run of the retry policy.
            let updated = try await connection.query(
                """
                UPDATE outbox_submission
                SET state = 'accepted', failure_reason = NULL, last_error = NULL, attempts = 0,
                    next_attempt_us = \(nowUs), updated_us = \(nowUs)
                WHERE id = \(id)
                RETURNING \(unescaped: PostgresOutboxSchema.statusColumns)
                """, logger: logger)
            var status: SubmissionStatus?
            for try await row in updated { status = try PostgresOutboxSchema.status(from: row, ring: keyRing) }
            guard let status else { throw OutboxStoreError(.notFound, submissionID: id) }
            try await PostgresOutboxSchema.appendEvent(connection, id: id, .accepted, atUs: nowUs, logger: logger)
            return status
        }
    }

    public func discardFailedPayloads(failedBefore cutoff: Date) async throws -> Int {
        // `updated_us` of a failed row is when it failed: nothing touches it afterwards.
        try await PostgresDatabase.singleInt(
            client.query(
                """
                WITH erased AS (
                    UPDATE outbox_submission SET citizen = NULL, payload = NULL, key_id = NULL
                    WHERE state = 'failed' AND updated_us < \(OutboxTime.microseconds(cutoff)) AND payload IS NOT NULL
                    RETURNING 1)
                SELECT count(*) FROM erased
                """, logger: logger), missing: OutboxStoreError(.corruptRow))
    }

    public func pruneDelivered(deliveredBefore cutoff: Date) async throws -> Int {
        // `updated_us` of a delivered row is when it was delivered: nothing touches it afterwards.
        try await PostgresDatabase.singleInt(
            client.query(
                """
                WITH deleted AS (
                    DELETE FROM outbox_submission
                    WHERE state = 'delivered' AND updated_us < \(OutboxTime.microseconds(cutoff))
                    RETURNING id),
                events AS (DELETE FROM outbox_event WHERE submission_id IN (SELECT id FROM deleted))
                SELECT count(*) FROM deleted
                """, logger: logger), missing: OutboxStoreError(.corruptRow))
    }

    public func counts() async throws -> [TenantID: [SubmissionPhase: Int]] {
        var counts: [TenantID: [SubmissionPhase: Int]] = [:]
        let rows = try await client.query(
            """
            SELECT tenant, state, count(*) FROM outbox_submission GROUP BY tenant, state
            """, logger: logger)
        for try await (tenantName, state, count) in rows.decode((String, String, Int64).self) {
            guard let tenant = TenantID(tenantName), let phase = SubmissionPhase(rawValue: state) else {
                throw OutboxStoreError(.corruptRow)
            }
            counts[tenant, default: [:]][phase] = Int(count)
        }
        return counts
    }

    public func list(state: SubmissionPhase?, tenant: TenantID?, limit: Int) async throws -> [SubmissionStatus] {
        // NULL filters match everything: one statement whatever the combination.
        let rows = try await client.query(
            """
            SELECT \(unescaped: PostgresOutboxSchema.statusColumns) FROM outbox_submission
            WHERE (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue))
              AND (\(tenant?.rawValue)::text IS NULL OR tenant = \(tenant?.rawValue))
            ORDER BY updated_us DESC, id LIMIT \(max(limit, 0))
            """, logger: logger)
        var statuses: [SubmissionStatus] = []
        for try await row in rows { statuses.append(try PostgresOutboxSchema.status(from: row, ring: keyRing)) }
        return statuses
    }

    public func tenantsWithDueWork(now: Date) async throws -> [TenantID] {
        let nowUs = OutboxTime.microseconds(now)
        let rows = try await client.query(
            """
            SELECT DISTINCT tenant FROM outbox_submission
            WHERE state IN ('accepted', 'delivering') AND next_attempt_us <= \(nowUs)
              AND (lease_expires_us IS NULL OR lease_expires_us <= \(nowUs))
            ORDER BY tenant
            """, logger: logger)
        var tenants: [TenantID] = []
        for try await name in rows.decode(String.self) {
            guard let tenant = TenantID(name) else { throw OutboxStoreError(.corruptRow) }
            tenants.append(tenant)
        }
        return tenants
    }

    public func nextDueDate(tenant: TenantID) async throws -> Date? {
        let rows = try await client.query(
            """
            SELECT MIN(GREATEST(next_attempt_us, COALESCE(lease_expires_us, next_attempt_us)))
            FROM outbox_submission WHERE tenant = \(tenant.rawValue) AND state IN ('accepted', 'delivering')
            """, logger: logger)
        for try await due in rows.decode(Int64?.self) { return due.map(OutboxTime.date) }
        return nil
    }
}

extension PostgresOutboxStore: OutboxStoreDiagnostics {
    public func storedRow(id: UUID) async throws -> StoredRowFacts? {
        let rows = try await client.query(
            """
            SELECT key_id, citizen IS NOT NULL, payload IS NOT NULL FROM outbox_submission WHERE id = \(id)
            """, logger: logger)
        for try await (keyID, hasCitizen, hasPayload) in rows.decode((String?, Bool, Bool).self) {
            return StoredRowFacts(keyID: keyID, hasCitizen: hasCitizen, hasPayload: hasPayload)
        }
        return nil
    }
}
