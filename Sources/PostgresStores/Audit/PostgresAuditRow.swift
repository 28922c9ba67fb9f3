import AuditTrail
import Foundation
import OCMWCore
import PostgresNIO

/// Rows of `audit_record` back into `AuditRecord`s.
enum PostgresAuditRow {
    static func decode(_ row: PostgresRow) throws -> (id: Int64, time: Int64, record: AuditRecord) {
        let (id, time, clientID, citizenHex, tenantNames, parts, actionName, outcomeName, status, requestID) =
            try row.decode((Int64, Int64, String, String?, [String], [String], String, String, Int32, String).self)
        let tenants = tenantNames.compactMap(TenantID.init)
        guard let action = AuditAction(rawValue: actionName), let outcome = AuditOutcome(rawValue: outcomeName),
            tenants.count == tenantNames.count
        else { throw AuditStoreError(.corruptRow) }
        var citizen: INSZPseudonym?
        if let citizenHex {
            guard let pseudonym = INSZPseudonym(hex: citizenHex) else { throw AuditStoreError(.corruptRow) }
            citizen = pseudonym
        }
        let record = AuditRecord(
            time: AuditTime.date(microseconds: time), clientID: clientID, citizen: citizen, tenants: tenants,
            parts: parts, action: action, outcome: outcome, httpStatus: Int(status), requestID: requestID)
        return (id, time, record)
    }
}

/// `text[]` literals, so that a list per row can travel inside one `text[]` parameter of an
/// `unnest` insert (PostgreSQL has no arrays of arrays of varying length).
enum PostgresTextArray {
    /// `{"a","b\"c"}`: every element quoted, `\` and `"` escaped.
    static func literal(_ strings: [String]) -> String {
        let elements = strings.map { string in
            "\"" + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "{" + elements.joined(separator: ",") + "}"
    }
}
