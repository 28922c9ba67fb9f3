import Crypto
import Foundation

/// The operators' bearer credential for the admin API and the status page: from an environment
/// variable or file, never from tenants.json; compared in constant time.
public struct AdminCredential: Sendable {
    /// The credential's bytes, as the key of the page's session and sign-in link MACs too.
    package let key: SymmetricKey

    /// - Parameter token: At least 16 characters.
    /// - Throws: `AdminCredentialError` for a shorter token.
    public init(token: String) throws(AdminCredentialError) {
        guard token.utf8.count >= 16 else { throw AdminCredentialError("the admin token must have at least 16 characters") }
        key = SymmetricKey(data: Data(token.utf8))
    }

    /// Whether `presented` is the admin token. HMAC of both under a fresh key compared with
    /// swift-crypto's constant-time equality, so neither length nor content leaks through timing.
    package func matches(_ presented: String) -> Bool {
        let nonce = SymmetricKey(size: .bits256)
        let expected = key.withUnsafeBytes { HMAC<SHA256>.authenticationCode(for: Data($0), using: nonce) }
        let given = HMAC<SHA256>.authenticationCode(for: Data(presented.utf8), using: nonce)
        return expected == given
    }
}

/// An admin credential that cannot work.
public struct AdminCredentialError: Error, CustomStringConvertible {
    public let description: String
    package init(_ description: String) { self.description = description }
}
