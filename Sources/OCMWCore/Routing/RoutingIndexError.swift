/// A failure of the routing index that is not SQLite's own (those surface as GRDB's `DatabaseError`).
public struct RoutingIndexError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        case corruptRow = "a stored row does not hold a valid registration"
        case unreadableFile = "the import file cannot be read"
        case unwritableFile = "the output file cannot be written"
    }

    package let code: Code
    /// The operating system's explanation, for file errors; never holds row content.
    public let detail: String?

    package init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }
    public var description: String { detail.map { "\(code.rawValue): \($0)" } ?? code.rawValue }
}
