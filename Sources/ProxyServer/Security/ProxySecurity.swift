import AdminUI
import CallerAuth
import Foundation

/// Who may call the proxy: Mijn Burgerprofiel and New Social installations with bearer JWTs
/// verified against the configured JWKS, operators with the separate admin credential.
public struct ProxySecurity: Sendable {
    /// Verifies callers' bearer tokens (citizen API and routing feed).
    public let verifier: CallerVerifier
    /// The admin API's bearer credential, compared in constant time.
    let admin: AdminCredential

    /// - Parameters:
    ///   - verifier: The JWT verifier for the public API.
    ///   - adminToken: The operators' credential (from an environment variable or file, never
    ///     from tenants.json); at least 16 characters.
    public init(verifier: CallerVerifier, adminToken: String) throws(SecurityConfigurationError) {
        do {
            admin = try AdminCredential(token: adminToken)
        } catch {
            throw SecurityConfigurationError(error.description)
        }
        self.verifier = verifier
    }

    /// Whether `presented` is the admin token (constant time).
    func isAdminToken(_ presented: String) -> Bool { admin.matches(presented) }
}

/// A security setting that cannot work.
public struct SecurityConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
