import Foundation
import OCMWCore

/// The follow-up feed's rows, read the same way by every store.
extension OutboxRowCodec {
    /// An event row in the model; its dossier number opened with `ring`.
    package static func event(
        sequence: Int64, submissionID: UUID, kind: String, tenant: String, event: String, dossierNumber: String?,
        reason: String?, requestKind: String?, status: String?, atUs: Int64, ring: OutboxKeyRing
    ) throws -> SubmissionEvent {
        guard let kind = SubmissionKind(rawValue: kind), let tenant = TenantID(tenant),
            let type = SubmissionEventType(rawValue: event)
        else { throw OutboxStoreError(.corruptRow, submissionID: submissionID) }
        return SubmissionEvent(
            sequence: sequence, submissionID: submissionID, kind: kind, tenant: tenant, type: type,
            dossierNumber: dossierNumber.map { openDossierNumber($0, rowID: submissionID, ring: ring) },
            reason: reason, requestKind: requestKind, status: status, at: OutboxTime.date(atUs))
    }

    /// New Social's statuses a read sees, against those recorded before: what changed (or is
    /// new), in code order, and the map to record.
    package static func changedStatuses(
        seen: [String: String], recorded stored: String?
    ) -> (changes: [(requestKind: String, status: String)], record: String) {
        let recorded = stored.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
        let merged = recorded.merging(seen) { _, new in new }
        let changes = seen.filter { recorded[$0.key] != $0.value }.sorted { $0.key < $1.key }.map {
            (requestKind: $0.key, status: $0.value)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let record = (try? encoder.encode(merged)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return (changes, record)
    }
}
