import Crypto

/// SHA-256 as lowercase hex (swift-crypto), to check a document against its declared digest.
enum SHA256Digest {
    static func hex(of bytes: [UInt8]) -> String {
        Crypto.SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
