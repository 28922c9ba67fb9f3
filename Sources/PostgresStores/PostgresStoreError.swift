/// A failure of a PostgreSQL store that is not the server's own (those are PostgresNIO's errors).
public enum PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A query that always answers one row answered none.
    case noResult

    public var description: String {
        switch self {
        case .noResult: "PostgreSQL store: a query answered no row where one was expected"
        }
    }
}
