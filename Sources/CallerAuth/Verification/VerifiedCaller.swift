public import OCMWCore

import struct Foundation.Date

/// A caller whose bearer token verified: who it is, what it may do, and for which citizen.
public struct VerifiedCaller: Sendable, Hashable {
    /// The OAuth client: `azp`, else `client_id`, else `sub`.
    public let clientID: String
    /// Scopes granted, from `scope` (space-separated) and `scp` (array) together.
    public let scopes: Set<String>
    /// The citizen the token is bound to (token exchange), or `nil` for a token without the
    /// citizen claim. `INSZ` redacts itself in descriptions, so logging a caller does not leak it.
    public let citizenINSZ: INSZ?
    /// The token's `exp`: the caller must not be trusted after this instant.
    public let expiresAt: Date

    /// Creates a verified caller; the server's tests use this to stand in for a real token.
    public init(clientID: String, scopes: Set<String>, citizenINSZ: INSZ?, expiresAt: Date) {
        self.clientID = clientID
        self.scopes = scopes
        self.citizenINSZ = citizenINSZ
        self.expiresAt = expiresAt
    }
}
