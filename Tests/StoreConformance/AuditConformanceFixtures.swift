import AuditTrail
import Foundation
import OCMWCore

/// Records at chosen times for the audit conformance checks (the same shapes as `AuditFixtures`
/// in AuditTrailTests, which other tests there use with more options).
enum AuditConformanceFixtures {
    /// 2026-11-15T12:00:00Z.
    static let base = Date(timeIntervalSince1970: 1_794_744_000)
    private static let pseudonymKey = [UInt8](repeating: 0x5a, count: 32)

    /// A record `offset` seconds after `base`; `citizen: nil` records a request that named no INSZ.
    static func record(
        at offset: TimeInterval, citizen index: Int? = 0, outcome: AuditOutcome = .ok,
        parts: [String] = ["payments", "requests", "quote\"and\\backslash"], request: String? = nil
    ) -> AuditRecord {
        let tenants = ["gent", "aalst"].compactMap(TenantID.init)
        return AuditRecord(
            time: base.addingTimeInterval(offset), clientID: "mbp-portal", citizen: index.flatMap(pseudonym),
            tenants: tenants, parts: parts, action: .read, outcome: outcome, httpStatus: 200,
            requestID: request ?? "req-\(Int(offset))-\(index ?? -1)")
    }

    /// The pseudonym of the `index`th valid national number of someone born on 30 July 1985.
    private static func pseudonym(_ index: Int) -> INSZPseudonym? {
        let firstNine = 850_730_000 + 1 + index % 997
        let check = 97 - firstNine % 97
        let text = String(firstNine) + (check < 10 ? "0" : "") + String(check)
        guard let insz = try? INSZ(parsing: text, currentYear: 2026),
            let pseudonymizer = try? INSZPseudonymizer(keyBytes: pseudonymKey)
        else { return nil }
        return pseudonymizer.pseudonym(for: insz)
    }
}
