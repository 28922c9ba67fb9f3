import Crypto
import OCMWCore

/// Turns an INSZ into its keyed pseudonym: HMAC-SHA256 of the 11 digits under a secret key.
///
/// Deterministic (the same key and INSZ always give the same pseudonym, so one citizen's requests
/// can be correlated across logs, metrics and the audit trail) and keyed (without the key, nobody
/// can rebuild the pseudonym of a given INSZ, as anyone could with a plain hash of a number that
/// has only ~10^10 plausible values). Whoever holds the key *can* check a guess, so the key is a
/// secret like any credential: from the environment or a file, never logged.
///
/// The MAC is truncated to its first 128 bits (32 hex characters). Among the ~11 million INSZ and
/// BIS numbers in use, the chance that two share a pseudonym is about n²/2¹²⁹ ≈ 2·10⁻²⁵; the full
/// 256 bits would add nothing but length to every log line.
public struct INSZPseudonymizer: Sendable {
    /// The shortest key accepted, in bytes: the HMAC-SHA256 output size, as RFC 2104 advises.
    public static let minimumKeyBytes = 32

    /// HMAC's state after the key: each pseudonym starts from a copy, so the key's two blocks
    /// are hashed once and not for every request.
    private let keyed: HMAC<SHA256>

    /// A pseudonymizer with the given secret key.
    /// - Parameter keyBytes: At least `minimumKeyBytes` random bytes.
    /// - Throws: `PseudonymKeyError` when the key is too short.
    public init(keyBytes: some Collection<UInt8>) throws(PseudonymKeyError) {
        guard keyBytes.count >= Self.minimumKeyBytes else { throw PseudonymKeyError(.tooShort) }
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(keyBytes)))
    }

    /// The pseudonym of `insz` under this key.
    public func pseudonym(for insz: INSZ) -> INSZPseudonym {
        var hmac = keyed
        hmac.update(data: Array(insz.digits.utf8))
        let mac = hmac.finalize()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(INSZPseudonym.hexLength)
        for byte in mac.prefix(INSZPseudonym.hexLength / 2) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return INSZPseudonym(unchecked: String(decoding: hex, as: UTF8.self))
    }
}
