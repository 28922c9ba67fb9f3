import Crypto

/// Incremental SHA-256 of a document as it streams in (swift-crypto), as lowercase hex for the
/// canonical payload.
public struct DocumentHash: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Adds bytes to the document.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        hasher.update(data: Array(bytes))
    }

    /// The digest of everything added, as 64 lowercase hex characters.
    public consuming func finalizeHex() -> String {
        hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
