/// Why no usable outbox key ring could be built. Messages never contain key material.
public struct OutboxKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case missing = "no outbox key configured (OCMW_OUTBOX_KEYS or OCMW_OUTBOX_KEYS_FILE)"
        case empty = "the key list is empty"
        case malformedEntry = "an entry is not of the form id:base64"
        case invalidKeyID = "a key id is not 1-64 characters of A-Z a-z 0-9 . _ -"
        case notBase64 = "a key is not valid base64"
        case wrongKeyLength = "a key is not 256 bits (32 bytes)"
        case duplicateKeyID = "two keys have the same id"
        case unreadableFile = "the key file cannot be read"
        case cannotCreateFile = "the development key file cannot be created"
    }

    let code: Code
    /// The file concerned, if any.
    public let path: String?

    init(_ code: Code, path: String? = nil) {
        self.code = code
        self.path = path
    }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }

    public var description: String {
        "outbox key: \(code.rawValue)" + (path.map { " (\($0))" } ?? "")
    }
}
