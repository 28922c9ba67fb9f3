import CurlClient
import Foundation
import Logging
import OCMWCore

/// The credentials to put on each backend request, per tenant, from what `backend.credentials`
/// names and `backend.auth` says it is: `X-Api-Key: …` (apiKey) or `Authorization: Bearer …`
/// (oauth2, token fetched with the client-credentials grant and cached until shortly before it
/// expires).
///
/// Secrets are read lazily and cached; a file secret is re-read when the file changes. Nothing
/// here logs a secret; the returned headers carry one, so never log them either.
///
/// Usage by the gateway: `headers(for:)` before each call (on `CredentialError`, fail the part as
/// `unavailable` with `CredentialError.unavailableReason`, never send the call); on a `401`
/// answer, `backendRejected(_:for:)`, and when it returns true retry once with fresh headers.
public final class BackendCredentials: Sendable {
    private let secrets: SecretStore
    private let tokens: OAuth2TokenCache

    /// Credentials whose OAuth2 tokens are fetched through `client`.
    /// - Parameters:
    ///   - refreshMargin: A token is replaced this long before it expires (at most half its lifetime).
    ///   - environment: Looks up environment variables; the process environment by default.
    public convenience init(
        client: CurlClient, logger: Logger, refreshMargin: Duration = .seconds(30),
        environment: @escaping @Sendable (String) -> String? = BackendCredentials.processEnvironment
    ) {
        self.init(
            tokenFetcher: CurlOAuth2TokenFetcher(client: client, logger: logger), refreshMargin: refreshMargin,
            environment: environment)
    }

    /// Credentials with an injected token fetcher and clock (tests).
    public init(
        tokenFetcher: any OAuth2TokenFetching, refreshMargin: Duration = .seconds(30),
        environment: @escaping @Sendable (String) -> String? = BackendCredentials.processEnvironment,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.secrets = SecretStore(environment: environment)
        self.tokens = OAuth2TokenCache(fetcher: tokenFetcher, refreshMargin: refreshMargin, now: now)
    }

    /// The process environment, read at the time of the call.
    @Sendable public static func processEnvironment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// The headers that authenticate a request to the tenant's backend.
    /// - Throws: `CredentialError` when the secret is missing or malformed or no token could be
    ///   had; the request must then not be sent.
    public func headers(for tenant: Tenant) async throws(CredentialError) -> [HTTPHeader] {
        switch try secrets.secret(for: tenant) {
        case .apiKey(let key):
            return [HTTPHeader("X-Api-Key", key)]
        case .oauth2(let credentials):
            let token = try await tokens.token(for: tenant, credentials: credentials)
            return [HTTPHeader("Authorization", "Bearer \(token.value)")]
        }
    }

    /// Tells the provider that the backend answered `401` to a request sent with `sent` (the
    /// headers `headers(for:)` gave). OAuth2: the token is dropped (once, however many requests
    /// it failed) so the next `headers(for:)` fetches a new one. API key: the secret is read again.
    /// - Returns: whether one retry with fresh `headers(for:)` is worthwhile.
    public func backendRejected(_ sent: [HTTPHeader], for tenant: Tenant) async -> Bool {
        switch tenant.backend.auth {
        case .oauth2:
            guard let value = Self.value(of: "authorization", in: sent), value.hasPrefix("Bearer ") else { return true }
            await tokens.invalidate(tenant.id, token: String(value.dropFirst("Bearer ".count)))
            return true
        case .apiKey:
            guard case .apiKey(let key)? = try? secrets.secret(for: tenant, reload: true) else { return false }
            return key != Self.value(of: "x-api-key", in: sent)
        }
    }

    private static func value(of name: String, in headers: [HTTPHeader]) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }
}
