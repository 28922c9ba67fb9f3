public import Crypto
import Foundation
import JWTKit
public import OCMWCore

/// A local ES256 key for development and demos: it signs caller tokens the way the identity
/// provider would, and publishes the matching JWKS so the normal verification path accepts them.
///
/// Never for production: whoever can read the data directory can mint tokens for any citizen.
public struct DevSigningKey: Sendable {
    /// The `kid` of the development key.
    public static let keyID = "dev"
    /// The issuer the demo configures for development tokens.
    public static let issuer = "https://dev.ocmw-proxy.local"
    /// The audience the demo configures for development tokens.
    public static let audience = "ocmw-proxy"
    /// The PEM file's name inside the data directory.
    public static let fileName = "dev-key.pem"

    /// The private key.
    public let privateKey: P256.Signing.PrivateKey

    /// Wraps an existing key (tests use a fresh one).
    public init(privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// The public JWKS (one ES256 key, `kid` ``keyID``) as JSON.
    public var publicJWKSJSON: String {
        // x9.63 form: 0x04 || x (32 bytes) || y (32 bytes).
        let point = privateKey.publicKey.x963Representation
        let key: [String: String] = [
            "kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": Self.keyID,
            "x": Base64URL.encode(point.dropFirst().prefix(32)),
            "y": Base64URL.encode(point.dropFirst(33)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding a dictionary of strings cannot fail.
        let data = (try? encoder.encode(["keys": [key]])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Signs a caller token.
    /// - Parameters:
    ///   - scopes: Scope names, sent as one space-separated `scope` claim.
    ///   - insz: The citizen to bind the token to, or `nil` for an unbound token.
    ///   - clientID: Sent as `azp` and `sub`.
    ///   - lifetime: Time from `now` to `exp`.
    ///   - issuer: `iss`; ``issuer`` by default.
    ///   - audience: `aud`; ``audience`` by default.
    ///   - citizenClaim: The claim that carries `insz`.
    ///   - now: `iat`, and the start of the lifetime.
    /// - Returns: A compact JWS.
    public func token(
        scopes: [String],
        insz: INSZ?,
        clientID: String,
        lifetime: Duration,
        issuer: String = DevSigningKey.issuer,
        audience: String = DevSigningKey.audience,
        citizenClaim: String = CallerAuthConfiguration.defaultCitizenClaim,
        now: Date = Date()
    ) async throws -> String {
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        var claims: [String: ClaimValue] = [
            "iss": .string(issuer),
            "aud": .string(audience),
            "azp": .string(clientID),
            "sub": .string(clientID),
            "iat": .number(now.timeIntervalSince1970.rounded(.down)),
            "exp": .number((now.timeIntervalSince1970 + seconds).rounded(.down)),
            "scope": .string(scopes.joined(separator: " ")),
        ]
        if let insz { claims[citizenClaim] = .string(insz.digits) }

        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(backing: privateKey), kid: JWKIdentifier(string: Self.keyID))
        return try await keys.sign(ClaimSet(claims), kid: JWKIdentifier(string: Self.keyID))
    }
}
