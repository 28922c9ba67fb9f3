/// What a caller's bearer JWT must look like to be accepted: who issued it, for whom, with which
/// algorithms, how much clock skew is tolerated, and where the citizen and the scopes are found.
///
/// Built once at start-up from the server's configuration and never changed afterwards.
public struct CallerAuthConfiguration: Sendable, Hashable {
    /// The claim that carries the citizen's INSZ in a token-exchange token, unless configured
    /// otherwise. A URI, as RFC 7519 §4.2 asks of public claim names, so it cannot collide with
    /// an identity provider's own short claims; deployments whose provider uses another name
    /// (for instance `rrn`) set ``citizenClaim``.
    public static let defaultCitizenClaim = "urn:be:vlaanderen:insz"

    /// Exact `iss` every token must carry.
    public var issuer: String
    /// The value that must appear in the token's `aud` (a string or an array of strings).
    public var audience: String
    /// Algorithms accepted in the `alg` header. ``SigningAlgorithm`` can only express RS256 and
    /// ES256, so `none` and the HMAC family are impossible by construction.
    public var allowedAlgorithms: Set<SigningAlgorithm>
    /// Clock skew tolerated on `exp` and `nbf`.
    public var clockLeeway: Duration
    /// The claim that binds a token to one citizen. Absent from a token: no citizen binding
    /// (a trusted server-to-server caller). Present but not a valid INSZ: the token is rejected.
    public var citizenClaim: String
    /// The scope names required for each kind of access.
    public var scopeNames: ScopeNames

    /// Creates a configuration.
    /// - Parameters:
    ///   - issuer: Exact `iss` required.
    ///   - audience: Value required in `aud`.
    ///   - allowedAlgorithms: Accepted `alg` values; RS256 and ES256 by default.
    ///   - clockLeeway: Skew tolerated on `exp` and `nbf`; 30 seconds by default.
    ///   - citizenClaim: Claim carrying the citizen's INSZ; ``defaultCitizenClaim`` by default.
    ///   - scopeNames: Scope names per kind of access; ``ScopeNames/standard`` by default.
    public init(
        issuer: String,
        audience: String,
        allowedAlgorithms: Set<SigningAlgorithm> = [.rs256, .es256],
        clockLeeway: Duration = .seconds(30),
        citizenClaim: String = CallerAuthConfiguration.defaultCitizenClaim,
        scopeNames: ScopeNames = .standard
    ) {
        self.issuer = issuer
        self.audience = audience
        self.allowedAlgorithms = allowedAlgorithms
        self.clockLeeway = clockLeeway
        self.citizenClaim = citizenClaim
        self.scopeNames = scopeNames
    }

    /// Claims read for scopes, in this order; their values are merged. `scope` is the OAuth
    /// form (RFC 8693 / RFC 9068: one space-separated string); `scp` is the array form some
    /// identity providers emit. Both are accepted as a string or an array of strings.
    public static let scopeClaims = ["scope", "scp"]

    /// Claims read for the caller's client identity, first present wins: the authorised party,
    /// the OAuth client id (RFC 9068), then the subject.
    public static let clientIDClaims = ["azp", "client_id", "sub"]

    /// The clock leeway in seconds, for arithmetic with `Date`.
    var clockLeewaySeconds: Double {
        let parts = clockLeeway.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// A JWS signature algorithm the proxy accepts from callers.
///
/// Deliberately closed: only asymmetric algorithms whose verification keys are public, so a
/// JWKS can never be turned into a shared secret (the classic RS256 → HS256 confusion).
public enum SigningAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    case rs256 = "RS256"
    /// ECDSA on P-256 with SHA-256.
    case es256 = "ES256"
}
