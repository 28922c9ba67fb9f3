import Foundation
import GRDB
import Outbox

extension SQLiteOutboxStore {
    public func events(
        after sequence: Int64, clientID: String, citizenPseudonym: String?, limit: Int
    ) async throws
        -> [SubmissionEvent]
    {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(OutboxTable.eventColumns) FROM outbox_event
                    WHERE client_id = ? AND seq > ? AND (? IS NULL OR citizen_pseudonym = ?)
                    ORDER BY seq LIMIT ?
                    """, arguments: [clientID, sequence, citizenPseudonym, citizenPseudonym, max(limit, 0)]
            ).map { row in
                guard let id = UUID(uuidString: try row.decode(forColumn: "submission_id")) else {
                    throw OutboxStoreError(.corruptRow)
                }
                return try OutboxRowCodec.event(
                    sequence: try row.decode(forColumn: "seq"), submissionID: id, kind: try row.decode(forColumn: "kind"),
                    tenant: try row.decode(forColumn: "tenant"), event: try row.decode(forColumn: "event"),
                    dossierNumber: try row.decode(forColumn: "dossier_number"), reason: try row.decode(forColumn: "reason"),
                    requestKind: try row.decode(forColumn: "request_kind"), status: try row.decode(forColumn: "status"),
                    atUs: try row.decode(forColumn: "at_us"), ring: self.keyRing)
            }
        }
    }

    public func recordNewSocialStatuses(id: UUID, statuses: [String: String], now: Date) async throws -> Int {
        let nowUs = OutboxTime.microseconds(now)
        // Most reads see nothing new: a read decides that without taking the write lock.
        let recorded = try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT reported_statuses FROM outbox_submission WHERE id = ?", arguments: [OutboxSchema.text(id)]
            ).map { row -> String? in try row.decode(atIndex: 0) }
        }
        guard let recorded, !OutboxRowCodec.changedStatuses(seen: statuses, recorded: recorded).changes.isEmpty else { return 0 }
        return try await immediateWrite { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT reported_statuses FROM outbox_submission WHERE id = ?", arguments: [OutboxSchema.text(id)])
            else { return 0 }
            let (changes, record) = OutboxRowCodec.changedStatuses(seen: statuses, recorded: try row.decode(atIndex: 0))
            guard !changes.isEmpty else { return 0 }
            try db.execute(
                sql: "UPDATE outbox_submission SET reported_statuses = ? WHERE id = ?", arguments: [record, OutboxSchema.text(id)])
            for change in changes {
                try OutboxSchema.appendEvent(
                    db, id: id, .newSocialStatus, atUs: nowUs, requestKind: change.requestKind, status: change.status)
            }
            return changes.count
        }
    }
}
