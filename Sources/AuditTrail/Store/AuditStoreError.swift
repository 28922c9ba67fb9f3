/// A failure of an audit store beyond the database's own errors.
public struct AuditStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        case corruptRow = "a stored row does not hold a valid audit record"
    }

    let code: Code
    package init(_ code: Code) { self.code = code }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }
    public var description: String { "audit store: \(code.rawValue)" }
}
