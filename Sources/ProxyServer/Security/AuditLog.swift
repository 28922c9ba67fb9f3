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

    /// Whether the audit trail cannot take more records now (its store has been failing and the
    /// buffer is at capacity): requests about citizen data are refused until it can.
    var isFull: Bool { writer.isFull }

    /// Records buffered, not yet written.
    var pendingCount: Int { writer.pendingCount }

    /// Runs `decide`, the handling of a request about `insz`'s data; a refusal it throws is
    /// recorded with the status the caller gets (401/403/429: denied; other 4xx: invalid; 5xx:
    /// error) before it goes on to the caller. `decide` records its own successes.
    func recordingRefusals<Result>(
        action: AuditAction, caller: String?, insz: INSZ, tenants: [TenantID], parts: [String], requestID: String,
        _ decide: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await decide()
        } catch {
            let status = (error as? ProblemDetails)?.status.code ?? 500
            let outcome: AuditOutcome =
                switch status {
                case 401, 403, 429: .denied
                case 400..<500: .invalid
                default: .error
                }
            record(
                action: action, caller: caller, insz: insz, tenants: tenants, parts: parts, outcome: outcome, status: status,
                requestID: requestID)
            throw error
        }
    }

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
