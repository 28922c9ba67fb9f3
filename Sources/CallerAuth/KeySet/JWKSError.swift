/// Why a JWKS file could not be (re)loaded. A failed reload keeps the last good key set.
public struct JWKSError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: String, Sendable, Hashable {
        case unreadable
        case invalidJSON
        case noUsableKeys
    }

    let code: Code
    /// The file concerned (operator configuration, not caller data).
    public let path: String

    init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    /// A short stable reason (`unreadable`, `invalidJSON`, `noUsableKeys`), usable as a metric label.
    public var reason: String { code.rawValue }

    public var description: String {
        switch code {
        case .unreadable: "JWKS file \(path) cannot be read"
        case .invalidJSON: "JWKS file \(path) is not a JSON Web Key Set"
        case .noUsableKeys: "JWKS file \(path) has no RS256/ES256 signing key with a kid"
        }
    }
}
