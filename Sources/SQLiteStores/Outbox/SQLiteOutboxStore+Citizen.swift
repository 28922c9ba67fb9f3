import Foundation
import GRDB
import Outbox

extension SQLiteOutboxStore {
    public func submissions(citizenPseudonym: String, limit: Int) async throws -> [SubmissionStatus] {
        try await writer.read { db in
            // The index `outbox_submission_citizen` (pseudonym, created) serves it. Every read of a
            // citizen's requests asks, so the statement is prepared once per connection.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(OutboxSchema.statusColumns) FROM outbox_submission WHERE citizen_pseudonym = ?
                    ORDER BY created_us DESC, id LIMIT ?
                    """)
            return try Row.fetchAll(statement, arguments: [citizenPseudonym, max(limit, 0)])
                .map { try OutboxSchema.status(from: $0, ring: self.keyRing) }
        }
    }
}
