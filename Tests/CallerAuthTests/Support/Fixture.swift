import CallerAuth
import Crypto
import CryptoExtras
import Foundation
import JWTKit
import OCMWCore

/// Keys generated once per test run (RSA generation is slow), their JWKS, and helpers that
/// sign tokens and build verifiers over a JWKS file in a fresh temporary directory.
enum Fixture {
    static let issuer = "https://idp.test.vlaanderen.be"
    static let audience = "ocmw-proxy"
    /// A fixed instant: every test passes its own `now`.
    static let now = Date(timeIntervalSince1970: 1_760_000_000)

    static let rsaKeyID = "rsa-1"
    static let ecKeyID = "ec-1"
    static let rsaKey: JWTKit.Insecure.RSA.PrivateKey = {
        do {
            return try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        } catch {
            fatalError("cannot generate an RSA test key: \(error)")
        }
    }()
    static let ecKey = ES256PrivateKey()

    static let citizen = "85073003328"
    static let otherCitizen = "90010100123"

    static let configuration = CallerAuthConfiguration(issuer: issuer, audience: audience)

    static func insz(_ digits: String) throws -> INSZ {
        try INSZ(parsing: digits, currentYear: 2025)
    }

    /// A JWKS entry for an RSA public key.
    static func rsaJWK(_ key: JWTKit.Insecure.RSA.PublicKey, kid: String, alg: String? = "RS256") throws -> [String: String] {
        let (modulus, exponent) = try key.getKeyPrimitives()
        var jwk = ["kty": "RSA", "kid": kid, "use": "sig", "n": base64URL(modulus), "e": base64URL(exponent)]
        jwk["alg"] = alg
        return jwk
    }

    /// A JWKS entry for a P-256 public key.
    static func ecJWK(_ key: ES256PublicKey, kid: String) -> [String: String] {
        let parameters = key.parameters
        return ["kty": "EC", "crv": "P-256", "alg": "ES256", "kid": kid, "x": parameters?.x ?? "", "y": parameters?.y ?? ""]
    }

    static func jwks(_ keys: [[String: String]]) throws -> Data {
        try JSONEncoder().encode(["keys": keys])
    }

    /// The JWKS with the fixture's RSA and EC keys.
    static func standardJWKS() throws -> Data {
        try jwks([rsaJWK(rsaKey.publicKey, kid: rsaKeyID), ecJWK(ecKey.publicKey, kid: ecKeyID)])
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "caller-auth-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A key store over a JWKS file holding `jwks`, and the file's path.
    static func keyStore(jwks: Data? = nil) async throws -> (JWKSKeyStore, String) {
        let path = try temporaryDirectory() + "/jwks.json"
        try (jwks ?? standardJWKS()).write(to: URL(fileURLWithPath: path))
        return (try await JWKSKeyStore(path: path), path)
    }

    static func verifier(
        configuration: CallerAuthConfiguration = Fixture.configuration,
        cacheCapacity: Int = 0
    ) async throws -> CallerVerifier {
        let (store, _) = try await keyStore()
        return CallerVerifier(configuration: configuration, keyStore: store, cacheCapacity: cacheCapacity)
    }

    static func rs256(_ claims: TestClaims, kid: String = rsaKeyID, key: JWTKit.Insecure.RSA.PrivateKey = rsaKey) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    static func es256(_ claims: TestClaims, kid: String = ecKeyID, key: ES256PrivateKey = ecKey) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }
}
