import OCMWCore

import struct Foundation.Date

/// One access to citizen data: who asked what of whom, when, for which OCMWs, with what outcome.
///
/// The citizen appears only as a keyed pseudonym; the type has no room for an INSZ.
public struct AuditRecord: Sendable, Hashable {
    /// When the request was answered, to the microsecond (the precision the store keeps).
    public let time: Date
    /// The caller's client id, from its access token.
    public let clientID: String
    /// The citizen's pseudonym; `nil` when the request named no valid INSZ.
    public let citizen: INSZPseudonym?
    /// The OCMWs asked, in the order asked.
    public let tenants: [TenantID]
    /// The dossier parts asked (e.g. `payments`); empty for actions on the whole dossier.
    public let parts: [String]
    /// What the caller did.
    public let action: AuditAction
    /// How it ended.
    public let outcome: AuditOutcome
    /// The HTTP status answered.
    public let httpStatus: Int
    /// The request id, to find the request in the access log.
    public let requestID: String

    /// A record; `time` is rounded to the microsecond so that it reads back from a store unchanged.
    public init(
        time: Date, clientID: String, citizen: INSZPseudonym?, tenants: [TenantID], parts: [String],
        action: AuditAction, outcome: AuditOutcome, httpStatus: Int, requestID: String
    ) {
        self.time = AuditTime.date(microseconds: AuditTime.microseconds(time))
        self.clientID = clientID
        self.citizen = citizen
        self.tenants = tenants
        self.parts = parts
        self.action = action
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.requestID = requestID
    }
}

/// What a caller did with citizen data.
public enum AuditAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Read (part of) a dossier.
    case read
    /// Submitted a request for help or a document.
    case submit
    /// Downloaded a certificate or document.
    case download
    /// Registered or unregistered a citizen in the routing index.
    case registration
    /// Checked a request for help before sending it: the form was read, nothing was stored or
    /// sent, no OCMW was asked.
    case validate
}

/// How an access ended.
public enum AuditOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everything asked was answered.
    case ok
    /// Some OCMWs or parts answered, others failed.
    case partial
    /// The caller was not allowed (token, scope, citizen claim).
    case denied
    /// The request was malformed (bad INSZ, unknown part, …).
    case invalid
    /// Nothing could be answered (backends or the proxy failed).
    case error
}

/// Instants as whole microseconds since 1970 UTC: the unit of the store's `time` column (package
/// visibility: the PostgreSQL store keeps the same unit).
package enum AuditTime {
    package static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    package static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}
