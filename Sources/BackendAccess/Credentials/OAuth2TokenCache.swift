import OCMWCore

/// Bearer tokens per tenant: fetched on first use, reused until shortly before they expire,
/// dropped when the backend rejects them or the client credentials change (rotation).
///
/// Concurrent callers that find no usable token share one fetch (single flight): 300 tenants ×
/// many requests must not become a burst of token requests. The fetch runs in its own task, so
/// a caller that gives up does not cancel it for the others waiting on it.
package actor OAuth2TokenCache {
    private enum Slot {
        case fetching(Task<AccessToken, any Error>, OAuth2ClientCredentials)
        case ready(AccessToken, OAuth2ClientCredentials, refreshAt: ContinuousClock.Instant)
    }

    private var slots: [TenantID: Slot] = [:]
    private let fetcher: any OAuth2TokenFetching
    private let refreshMargin: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    /// - Parameters:
    ///   - refreshMargin: How long before its expiry a token is replaced (at most half its lifetime).
    ///   - now: The clock (injectable for tests).
    package init(fetcher: any OAuth2TokenFetching, refreshMargin: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.fetcher = fetcher
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// A token for the tenant that is not about to expire.
    package func token(for tenant: Tenant, credentials: OAuth2ClientCredentials) async throws(CredentialError) -> AccessToken {
        switch slots[tenant.id] {
        case .ready(let token, let issuedFor, let refreshAt) where issuedFor == credentials && now() < refreshAt:
            return token
        case .fetching(let task, let issuedFor) where issuedFor == credentials:
            return try await Self.value(of: task)
        default:
            break
        }
        let fetcher = self.fetcher
        let started = now()
        let task = Task { () async throws -> AccessToken in try await fetcher.fetchToken(credentials, for: tenant) }
        slots[tenant.id] = .fetching(task, credentials)
        do {
            let token = try await Self.value(of: task)
            if case .fetching(let current, _) = slots[tenant.id], current == task {
                slots[tenant.id] = .ready(token, credentials, refreshAt: started + usableFor(token.lifetime))
            }
            return token
        } catch {
            if case .fetching(let current, _) = slots[tenant.id], current == task { slots[tenant.id] = nil }
            throw error
        }
    }

    /// Forgets the tenant's token if it is still `value` (the one the backend rejected), so that
    /// many requests rejected with the same token cause one new fetch, not one each.
    package func invalidate(_ tenant: TenantID, token value: String) {
        if case .ready(let token, _, _) = slots[tenant], token.value == value { slots[tenant] = nil }
    }

    /// Lifetime minus the margin, but at least half the lifetime (short-lived tokens).
    private func usableFor(_ lifetime: Duration) -> Duration {
        max(lifetime - refreshMargin, lifetime / 2)
    }

    private static func value(of task: Task<AccessToken, any Error>) async throws(CredentialError) -> AccessToken {
        do {
            return try await task.value
        } catch let error as CredentialError {
            throw error
        } catch {
            throw .tokenRequestFailed("token request failed: \(type(of: error))")
        }
    }
}
