import Foundation

/// A failure of an outbox store beyond the database's own errors.
public struct OutboxStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        case notFound = "no submission has this id"
        case leaseNotHeld = "the caller does not hold the lease of this delivering submission"
        case notFailed = "the submission is not failed"
        case payloadDiscarded = "the failed submission's payload was discarded by retention"
        case unknownKeyID = "the row was encrypted with a key the key ring does not hold"
        case undecryptable = "the row's ciphertext does not authenticate with its key"
        case corruptRow = "a stored row does not hold a valid submission"
    }

    let code: Code
    /// The submission concerned, when there is one.
    public let submissionID: UUID?
    /// The key id concerned (`unknownKeyID`); a name, never key material.
    public let keyID: String?

    package init(_ code: Code, submissionID: UUID? = nil, keyID: String? = nil) {
        self.code = code
        self.submissionID = submissionID
        self.keyID = keyID
    }

    public static let notFound = OutboxStoreError(.notFound)
    public static let leaseNotHeld = OutboxStoreError(.leaseNotHeld)
    public static let notFailed = OutboxStoreError(.notFailed)
    public static let payloadDiscarded = OutboxStoreError(.payloadDiscarded)
    public static let unknownKeyID = OutboxStoreError(.unknownKeyID)
    public static let undecryptable = OutboxStoreError(.undecryptable)
    public static let corruptRow = OutboxStoreError(.corruptRow)

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }

    /// The failure in a sentence, for operators (no submission id, no key id).
    public var explanation: String { code.rawValue }

    public var description: String {
        var text = "outbox store: \(code.rawValue)"
        if let submissionID { text += " (submission \(submissionID.uuidString.lowercased()))" }
        if let keyID { text += " (key id \(keyID))" }
        return text
    }

    /// Same failure kind, whatever the row: so tests and callers can match `error.kind == .leaseNotHeld`.
    public var kind: OutboxStoreError { OutboxStoreError(code) }
}
