import AuditTrail
import Foundation
import OCMWCore

/// Where accesses to citizen data are recorded, and how a national number is turned into the
/// keyed pseudonym that logs, metrics and the audit trail use instead.
public struct AuditLog: Sendable {
    let writer: AuditWriter
    let pseudonymizer: INSZPseudonymizer

    public init(writer: AuditWriter, pseudonymizer: INSZPseudonymizer) {
        self.writer = writer
        self.pseudonymizer = pseudonymizer
    }

    /// The pseudonym of a citizen: safe to log and to count.
    func pseudonym(_ insz: INSZ) -> INSZPseudonym { pseudonymizer.pseudonym(for: insz) }

    /// The pseudonym the audit trail records for a citizen (for operators correlating records).
    public func pseudonymOf(_ insz: INSZ) -> INSZPseudonym { pseudonym(insz) }

    /// Records one access; never waits for the database (the writer batches in the background).
    func record(
        action: AuditAction, caller: String?, insz: INSZ?, tenants: [TenantID], parts: [String],
        outcome: AuditOutcome, status: Int, requestID: String
    ) {
        writer.append(
            AuditRecord(
                time: Date(), clientID: caller ?? "unknown", citizen: insz.map(pseudonym),
                tenants: tenants, parts: parts, action: action, outcome: outcome,
                httpStatus: status, requestID: requestID))
    }
}
