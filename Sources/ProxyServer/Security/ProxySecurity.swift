import CallerAuth
import Crypto
import Foundation

/// Who may call the proxy: Mijn Burgerprofiel and New Social installations with bearer JWTs
/// verified against the configured JWKS, operators with the separate admin credential.
public struct ProxySecurity: Sendable {
    /// Verifies callers' bearer tokens (citizen API and routing feed).
    public let verifier: CallerVerifier
    /// The admin API's bearer credential, compared in constant time.
    let adminToken: SymmetricKey

    /// - Parameters:
    ///   - verifier: The JWT verifier for the public API.
    ///   - adminToken: The operators' credential (from an environment variable or file, never
    ///     from tenants.json); at least 16 characters.
    public init(verifier: CallerVerifier, adminToken: String) throws(SecurityConfigurationError) {
        guard adminToken.utf8.count >= 16 else { throw SecurityConfigurationError("the admin token must have at least 16 characters") }
        self.verifier = verifier
        self.adminToken = SymmetricKey(data: Data(adminToken.utf8))
    }

    /// Whether `presented` is the admin token. HMAC of both under a fresh key compared with
    /// swift-crypto's constant-time equality, so neither length nor content leaks through timing.
    func isAdminToken(_ presented: String) -> Bool {
        let key = SymmetricKey(size: .bits256)
        let expected = adminToken.withUnsafeBytes { HMAC<SHA256>.authenticationCode(for: Data($0), using: key) }
        let given = HMAC<SHA256>.authenticationCode(for: Data(presented.utf8), using: key)
        return expected == given
    }
}

/// A security setting that cannot work.
public struct SecurityConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
