import Foundation
import GRDB
import OCMWCore
import Outbox

extension SQLiteOutboxStore {
    public func retryFailed(id: UUID, now: Date) async throws -> SubmissionStatus {
        let idText = OutboxSchema.text(id)
        let nowUs = OutboxTime.microseconds(now)
        return try await immediateWrite { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT state, payload IS NOT NULL FROM outbox_submission WHERE id = ?",
                    arguments: [idText])
            else {
                throw OutboxStoreError(.notFound, submissionID: id)
            }
            guard try row.decode(String.self, atIndex: 0) == SubmissionPhase.failed.rawValue else {
                throw OutboxStoreError(.notFailed, submissionID: id)
            }
            guard try row.decode(Bool.self, atIndex: 1) else { throw OutboxStoreError(.payloadDiscarded, submissionID: id) }
            // Attempts start over: the operator gives it a fresh run of the retry policy.
            try db.execute(
                sql: """
                    UPDATE outbox_submission
                    SET state = 'accepted', failure_reason = NULL, last_error = NULL, attempts = 0,
                        next_attempt_us = ?, updated_us = ?
                    WHERE id = ?
                    """, arguments: [nowUs, nowUs, idText])
            try OutboxSchema.appendEvent(db, id: id, .accepted, atUs: nowUs)
            guard
                let updated = try Row.fetchOne(
                    db, sql: "SELECT \(OutboxSchema.statusColumns) FROM outbox_submission WHERE id = ?", arguments: [idText])
            else { throw OutboxStoreError(.notFound, submissionID: id) }
            return try OutboxSchema.status(from: updated, ring: self.keyRing)
        }
    }

    public func discardFailedPayloads(failedBefore cutoff: Date) async throws -> Int {
        let cutoffUs = OutboxTime.microseconds(cutoff)
        return try await immediateWrite { db in
            // `updated_us` of a failed row is when it failed: nothing touches it afterwards.
            try db.execute(
                sql: """
                    UPDATE outbox_submission SET citizen = NULL, payload = NULL, key_id = NULL
                    WHERE state = 'failed' AND updated_us < ? AND payload IS NOT NULL
                    """, arguments: [cutoffUs])
            return db.changesCount
        }
    }

    public func pruneDelivered(deliveredBefore cutoff: Date) async throws -> Int {
        let cutoffUs = OutboxTime.microseconds(cutoff)
        return try await immediateWrite { db in
            // `updated_us` of a delivered row is when it was delivered: nothing touches it afterwards.
            // Its events go with it.
            try db.execute(
                sql: """
                    DELETE FROM outbox_event WHERE submission_id IN
                        (SELECT id FROM outbox_submission WHERE state = 'delivered' AND updated_us < ?)
                    """, arguments: [cutoffUs])
            try db.execute(
                sql: "DELETE FROM outbox_submission WHERE state = 'delivered' AND updated_us < ?", arguments: [cutoffUs])
            return db.changesCount
        }
    }

    public func counts() async throws -> [TenantID: [SubmissionPhase: Int]] {
        try await writer.read { db in
            var counts: [TenantID: [SubmissionPhase: Int]] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT tenant, state, COUNT(*) FROM outbox_submission GROUP BY tenant, state
                    """)
            for row in rows {
                guard let tenant = TenantID(try row.decode(atIndex: 0)),
                    let phase = SubmissionPhase(rawValue: try row.decode(atIndex: 1))
                else { throw OutboxStoreError(.corruptRow) }
                counts[tenant, default: [:]][phase] = try row.decode(Int.self, atIndex: 2)
            }
            return counts
        }
    }

    public func list(state: SubmissionPhase?, tenant: TenantID?, limit: Int) async throws -> [SubmissionStatus] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state {
            conditions.append("state = ?")
            arguments += [state.rawValue]
        }
        if let tenant {
            conditions.append("tenant = ?")
            arguments += [tenant.rawValue]
        }
        arguments += [max(limit, 0)]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(OutboxSchema.statusColumns) FROM outbox_submission \(filter)
            ORDER BY updated_us DESC, id LIMIT ?
            """
        let boundArguments = arguments
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: boundArguments).map { try OutboxSchema.status(from: $0, ring: self.keyRing) }
        }
    }

    public func tenantsWithDueWork(now: Date) async throws -> [TenantID] {
        let nowUs = OutboxTime.microseconds(now)
        return try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT tenant FROM outbox_submission WHERE \(OutboxSchema.dueCondition) ORDER BY tenant
                    """, arguments: [nowUs, nowUs]
            ).map { text in
                guard let tenant = TenantID(text) else { throw OutboxStoreError(.corruptRow) }
                return tenant
            }
        }
    }

    public func nextDueDate(tenant: TenantID) async throws -> Date? {
        try await writer.read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(MAX(next_attempt_us, COALESCE(lease_expires_us, next_attempt_us)))
                    FROM outbox_submission WHERE tenant = ? AND state IN ('accepted', 'delivering')
                    """, arguments: [tenant.rawValue]
            ).map(OutboxTime.date)
        }
    }
}
