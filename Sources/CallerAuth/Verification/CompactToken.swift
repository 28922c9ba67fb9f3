import Foundation

/// The parts of a compact JWS the verifier needs before any cryptography: `alg` and `kid`.
///
/// Parsed here rather than by jwt-kit so that a token is refused for its algorithm or key id
/// before a signer is ever looked up: jwt-kit would fall back to a default key for an unknown
/// `kid`, and never compares `alg` with the key it picked.
struct CompactToken {
    /// Longest token accepted; real tokens are a few kilobytes, and the limit bounds the work an
    /// anonymous caller can make us do (base64, JSON, hashing).
    static let maximumLength = 16 * 1024

    let algorithm: String
    let keyID: String?

    init(_ token: String) throws(CallerAuthError) {
        let utf8 = token.utf8
        guard utf8.count <= Self.maximumLength else { throw .malformedToken }
        let segments = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        // Header and payload must be present; an empty signature is structurally allowed so
        // that `alg: none` is reported as a refused algorithm rather than as malformed.
        guard segments.count == 3, !segments[0].isEmpty, !segments[1].isEmpty,
            segments.allSatisfy(Base64URL.isValid)
        else { throw .malformedToken }

        guard let headerData = Base64URL.decode(segments[0]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            let algorithm = header["alg"] as? String
        else { throw .malformedToken }
        // RFC 7515 §4.1.11: a `crit` header names extensions the recipient must understand; we
        // understand none, so such a token must be refused.
        guard header["crit"] == nil else { throw .malformedToken }
        let kid = header["kid"]
        guard kid == nil || kid is String else { throw .malformedToken }

        self.algorithm = algorithm
        self.keyID = kid as? String
    }
}

/// Unpadded base64url (RFC 7515 §2), strictly: no padding, no whitespace, no other alphabet.
enum Base64URL {
    static func isValid(_ segment: some Collection<UInt8>) -> Bool {
        segment.count % 4 != 1 && segment.allSatisfy(isAlphabet)
    }

    static func decode(_ segment: some Collection<UInt8>) -> Data? {
        var base64 = String(decoding: segment, as: UTF8.self)
            .replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func encode(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
