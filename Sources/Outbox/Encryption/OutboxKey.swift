import Crypto
import Foundation

/// One AES-256 key with its id. The id is stored with every row it encrypts, so the ring can
/// find the key again after a newer one has become current.
public struct OutboxKey: Sendable {
    /// The key's name, e.g. `2026-11`. Not secret.
    public let id: String
    let key: SymmetricKey

    /// - Parameters:
    ///   - id: 1–64 characters of `A-Z a-z 0-9 . _ -` (it shares a text form with `:` and `,`).
    ///   - bytes: Exactly 32 bytes.
    /// - Throws: `OutboxKeyError` `.invalidKeyID` or `.wrongKeyLength`.
    public init(id: String, bytes: some ContiguousBytes) throws(OutboxKeyError) {
        guard Self.isValidID(id) else { throw OutboxKeyError(.invalidKeyID) }
        let key = SymmetricKey(data: bytes)
        guard key.bitCount == 256 else { throw OutboxKeyError(.wrongKeyLength) }
        self.id = id
        self.key = key
    }

    /// A fresh random key.
    /// - Throws: `OutboxKeyError.invalidKeyID`.
    public static func random(id: String) throws(OutboxKeyError) -> OutboxKey {
        try OutboxKey(id: id, bytes: SymmetricKey(size: .bits256))
    }

    /// The key as `id:base64`, the form `OutboxKeyRing.parse` reads. Secret: write it only to
    /// a private file.
    public var exportedText: String {
        id + ":" + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }
}

extension OutboxKey: CustomStringConvertible {
    /// The id only: a key interpolated into a log line must not leak.
    public var description: String { "OutboxKey(\(id))" }
}
