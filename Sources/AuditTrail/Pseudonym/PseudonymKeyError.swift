/// Why no pseudonym key could be had. The message never contains key material.
public struct PseudonymKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case tooShort = "key is shorter than 32 bytes"
        case notHexOrBase64 = "key text is neither hexadecimal nor base64"
        case unreadableFile = "key file cannot be read"
        case cannotCreateFile = "development key file cannot be created"
        case missing = "no key configured (set OCMW_PSEUDONYM_KEY or OCMW_PSEUDONYM_KEY_FILE)"
    }

    let code: Code
    /// The file involved, if any (a path is not a secret).
    public let path: String?

    init(_ code: Code, path: String? = nil) {
        self.code = code
        self.path = path
    }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }

    public var description: String {
        if let path { return "pseudonym key: \(code.rawValue): \(path)" }
        return "pseudonym key: \(code.rawValue)"
    }
}
