import Foundation
import Outbox
import PostgresNIO

extension PostgresOutboxStore {
    public func submissions(citizenPseudonym: String, limit: Int) async throws -> [SubmissionStatus] {
        // The index `outbox_submission_citizen` (pseudonym, created) serves it.
        let rows = try await client.query(
            """
            SELECT \(unescaped: PostgresOutboxSchema.statusColumns) FROM outbox_submission
            WHERE citizen_pseudonym = \(citizenPseudonym)
            ORDER BY created_us DESC, id LIMIT \(max(limit, 0))
            """, logger: logger)
        var statuses: [SubmissionStatus] = []
        for try await row in rows { statuses.append(try PostgresOutboxSchema.status(from: row, ring: keyRing)) }
        return statuses
    }
}
