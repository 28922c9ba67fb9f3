/// A failure of an audit store beyond the database's own errors.
public struct AuditStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case corruptRow = "a stored row does not hold a valid audit record"
    }

    let code: Code
    init(_ code: Code) { self.code = code }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }
    public var description: String { "audit store: \(code.rawValue)" }
}
