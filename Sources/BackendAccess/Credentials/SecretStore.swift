import Foundation
import OCMWCore
import PrivateFiles
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads each tenant's secret on first use and keeps it. An environment variable is read once
/// (it cannot change under a running process); a file is `stat`ed on every use and re-read when
/// its modification time, size or inode changed, so a rotated secret is used without a restart
/// (also when rotated by swapping a symlink, as Kubernetes does: `stat` follows it).
///
/// The lock is held only around the dictionary; reading the (small) file happens outside it.
package final class SecretStore: Sendable {
    private struct Entry: Sendable {
        let reference: SecretReference
        let auth: BackendAuth
        let fingerprint: FileFingerprint?
        let secret: BackendSecret
    }

    private let entries = Mutex<[TenantID: Entry]>([:])
    private let environment: @Sendable (String) -> String?

    /// - Parameter environment: Looks up an environment variable (injectable for tests).
    package init(environment: @escaping @Sendable (String) -> String?) {
        self.environment = environment
    }

    /// The tenant's secret, from the cache when its source did not change.
    /// - Parameter reload: Read the source again even when it looks unchanged.
    /// - Throws: `CredentialError` when the secret is missing or not of the kind `backend.auth` says.
    package func secret(for tenant: Tenant, reload: Bool = false) throws(CredentialError) -> BackendSecret {
        let backend = tenant.backend
        let cached = entries.withLock { $0[tenant.id] }
        let fingerprint: FileFingerprint?
        switch backend.credentials {
        case .environment(let name):
            fingerprint = nil
            if !reload, let cached, cached.reference == backend.credentials, cached.auth == backend.auth {
                return cached.secret
            }
            guard let text = environment(name) else {
                throw .secretMissing("environment variable \(name) is not set")
            }
            let secret = try Self.parse(text, auth: backend.auth, source: "environment variable \(name)")
            store(Entry(reference: backend.credentials, auth: backend.auth, fingerprint: fingerprint, secret: secret), for: tenant.id)
            return secret
        case .file(let path):
            guard let current = FileFingerprint(path: path) else {
                throw .secretMissing("secret file \(path) does not exist or cannot be read")
            }
            fingerprint = current
            if !reload, let cached, cached.reference == backend.credentials, cached.auth == backend.auth,
                cached.fingerprint == current
            {
                return cached.secret
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .secretMissing("secret file \(path) cannot be read")
            }
            let secret = try Self.parse(
                String(decoding: data, as: UTF8.self), auth: backend.auth,
                source: "secret file \(path)")
            store(Entry(reference: backend.credentials, auth: backend.auth, fingerprint: fingerprint, secret: secret), for: tenant.id)
            return secret
        }
    }

    private func store(_ entry: Entry, for tenant: TenantID) {
        entries.withLock { $0[tenant] = entry }
    }

    /// Turns the raw secret into what `auth` expects. Error messages never quote the content.
    package static func parse(_ text: String, auth: BackendAuth, source: String) throws(CredentialError) -> BackendSecret {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .secretMissing("\(source) is empty") }
        switch auth {
        case .apiKey:
            // A header value must not contain control characters (CR/LF would split the header).
            guard trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                throw .secretMalformed("\(source) holds an API key with control characters")
            }
            return .apiKey(trimmed)
        case .oauth2:
            guard let credentials = try? JSONDecoder().decode(OAuth2ClientCredentials.self, from: Data(trimmed.utf8)) else {
                throw .secretMalformed("\(source) is not a JSON object with tokenURL, clientID and clientSecret (backend.auth is oauth2)")
            }
            let url = credentials.tokenURL.lowercased()
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw .secretMalformed("\(source): tokenURL must start with https:// or http://")
            }
            guard !credentials.clientID.isEmpty, !credentials.clientSecret.isEmpty else {
                throw .secretMalformed("\(source): clientID and clientSecret must not be empty")
            }
            return .oauth2(credentials)
        }
    }
}
