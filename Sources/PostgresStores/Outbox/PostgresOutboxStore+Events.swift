import Foundation
import Outbox
import PostgresNIO

extension PostgresOutboxStore {
    public func events(
        after sequence: Int64, clientID: String, citizenPseudonym: String?, limit: Int
    ) async throws
        -> [SubmissionEvent]
    {
        let rows = try await client.query(
            """
            SELECT \(unescaped: OutboxTable.eventColumns) FROM outbox_event
            WHERE client_id = \(clientID) AND seq > \(sequence)
              AND (\(citizenPseudonym)::text IS NULL OR citizen_pseudonym = \(citizenPseudonym))
            ORDER BY seq LIMIT \(max(limit, 0))
            """, logger: logger)
        var events: [SubmissionEvent] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            events.append(
                try OutboxRowCodec.event(
                    sequence: cells["seq"].decode(Int64.self), submissionID: cells["submission_id"].decode(UUID.self),
                    kind: cells["kind"].decode(String.self), tenant: cells["tenant"].decode(String.self),
                    event: cells["event"].decode(String.self), dossierNumber: cells["dossier_number"].decode(String?.self),
                    reason: cells["reason"].decode(String?.self), requestKind: cells["request_kind"].decode(String?.self),
                    status: cells["status"].decode(String?.self), atUs: cells["at_us"].decode(Int64.self), ring: keyRing))
        }
        return events
    }

    public func recordNewSocialStatuses(id: UUID, statuses: [String: String], now: Date) async throws -> Int {
        let nowUs = OutboxTime.microseconds(now)
        let logger = logger
        // Most reads see nothing new: a plain read decides that without a transaction or a lock.
        var found = false
        var seen: String?
        for try await value in try await client.query(
            "SELECT reported_statuses FROM outbox_submission WHERE id = \(id)", logger: logger
        ).decode(String?.self) {
            found = true
            seen = value
        }
        guard found, !OutboxRowCodec.changedStatuses(seen: statuses, recorded: seen).changes.isEmpty else { return 0 }
        return try await PostgresDatabase.transaction(client, logger: logger) { connection in
            // Locked: two reads seeing the same change record it once.
            let rows = try await connection.query(
                "SELECT reported_statuses FROM outbox_submission WHERE id = \(id) FOR UPDATE", logger: logger
            ).decode(String?.self)
            var found = false
            var recorded: String?
            for try await value in rows {
                found = true
                recorded = value
            }
            guard found else { return 0 }
            let (changes, record) = OutboxRowCodec.changedStatuses(seen: statuses, recorded: recorded)
            guard !changes.isEmpty else { return 0 }
            try await connection.query(
                "UPDATE outbox_submission SET reported_statuses = \(record) WHERE id = \(id)", logger: logger)
            for change in changes {
                try await PostgresOutboxSchema.appendEvent(
                    connection, id: id, .newSocialStatus, atUs: nowUs, requestKind: change.requestKind, status: change.status,
                    logger: logger)
            }
            return changes.count
        }
    }
}
