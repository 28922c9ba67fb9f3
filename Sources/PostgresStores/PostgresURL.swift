import Foundation
import PostgresNIO

/// A PostgreSQL connection URL, `postgres://user:password@host:port/database[?sslmode=…&pool_size=…]`,
/// parsed into a `PostgresClient.Configuration`.
///
/// `pool_size` bounds the connections one process opens (default ``defaultPoolSize``); the
/// routing-change listener holds one of them for as long as the proxy runs.
///
/// The password is kept only inside `configuration`; `description` (what logs and error messages
/// show) replaces it with `***`.
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// How the connection uses TLS, as libpq's `sslmode` names it (the subset PostgresNIO offers).
    public enum TLSMode: String, Sendable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain otherwise (libpq's default).
        case prefer
        /// TLS or no connection (the server certificate is verified against the system roots).
        case require
    }

    /// Connections per process unless `pool_size` says otherwise (PostgresNIO's own default).
    public static let defaultPoolSize = 20

    /// The configuration for a `PostgresClient`.
    public let configuration: PostgresClient.Configuration
    /// The URL with its password replaced by `***`.
    public let description: String

    /// Parses `text`.
    /// - Throws: `PostgresURLError` naming what is missing or malformed (never the password).
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text) else { throw PostgresURLError.malformed }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError.unsupportedScheme
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError.missingHost }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw PostgresURLError.missingUser
        }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw PostgresURLError.missingDatabase }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw PostgresURLError.badPort }
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? TLSMode.prefer.rawValue
        guard let tlsMode = TLSMode(rawValue: sslmode) else { throw PostgresURLError.unsupportedSSLMode }

        let poolText = components.queryItems?.first { $0.name == "pool_size" }?.value
        let poolSize = poolText.map { Int($0) ?? 0 } ?? Self.defaultPoolSize
        guard (2...1_000).contains(poolSize) else { throw PostgresURLError.badPoolSize }

        let tls: PostgresClient.Configuration.TLS =
            switch tlsMode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user,
            password: components.password?.removingPercentEncoding, database: database, tls: tls)
        configuration.options.maximumConnections = poolSize
        self.configuration = configuration
        let credentials = components.password == nil ? user : "\(user):***"
        description =
            "\(scheme)://\(credentials)@\(host):\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
            + (poolText == nil ? "" : "&pool_size=\(poolSize)")
    }
}

/// Why a PostgreSQL URL was refused.
public enum PostgresURLError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed, unsupportedScheme, missingHost, missingUser, missingDatabase, badPort, unsupportedSSLMode, badPoolSize

    public var description: String {
        let reason =
            switch self {
            case .malformed: "not a URL"
            case .unsupportedScheme: "the scheme must be postgres:// or postgresql://"
            case .missingHost: "no host"
            case .missingUser: "no user name"
            case .missingDatabase: "no database name (the path after the port)"
            case .badPort: "the port is not between 1 and 65535"
            case .unsupportedSSLMode: "sslmode must be disable, prefer or require"
            case .badPoolSize: "pool_size must be a whole number from 2 to 1000"
            }
        return "PostgreSQL URL: \(reason)"
    }
}
