import Foundation
import JWTKit

/// A JWKS as published by an identity provider, decoded leniently.
///
/// jwt-kit's own `JWKS` type refuses the whole set when one key has a type or algorithm it does
/// not know (an `oct` key, an `RSA-OAEP-256` encryption key), and would build a signer for
/// whatever `alg` a token asks for. Here every field is an optional string, and each key is
/// judged on its own: only public RS256/ES256 signing keys with a `kid` are kept.
struct JWKSDocument: Decodable {
    struct Key: Decodable {
        var kty: String?
        var kid: String?
        var alg: String?
        var use: String?
        var crv: String?
        var n: String?
        var e: String?
        var x: String?
        var y: String?
    }

    var keys: [Key]
}

/// A verification key taken from a JWKS, ready to hand to jwt-kit.
enum PublicVerificationKey: Sendable {
    case rsa(Insecure.RSA.PublicKey)
    case p256(ES256PublicKey)

    var algorithm: SigningAlgorithm {
        switch self {
        case .rsa: .rs256
        case .p256: .es256
        }
    }
}

/// What the key store makes of one key in a JWKS.
enum KeyVerdict {
    case accepted(PublicVerificationKey)
    case ignored(IgnoredKey.Reason)
}

extension JWKSDocument.Key {
    /// The key as an allowed public verification key, or why it is ignored.
    ///
    /// Only the public parts (`n`/`e`, `x`/`y`) are read, so a JWKS that wrongly carries private
    /// material still yields a verify-only key.
    func verificationKey(allowed: Set<SigningAlgorithm>) -> KeyVerdict {
        if let use, use != "sig" { return .ignored(.notForSigning) }
        switch kty {
        case "RSA":
            guard alg == nil || alg == SigningAlgorithm.rs256.rawValue, allowed.contains(.rs256) else {
                return .ignored(.algorithmNotAllowed)
            }
            guard let n, let e, let key = try? Insecure.RSA.PublicKey(modulus: n, exponent: e) else {
                // Includes RSA keys under 2048 bits, which jwt-kit refuses.
                return .ignored(.invalidKeyMaterial)
            }
            return .accepted(.rsa(key))
        case "EC":
            guard crv == "P-256", alg == nil || alg == SigningAlgorithm.es256.rawValue, allowed.contains(.es256) else {
                return .ignored(.algorithmNotAllowed)
            }
            guard let x, let y, let key = try? ES256PublicKey(parameters: (x, y)) else {
                return .ignored(.invalidKeyMaterial)
            }
            return .accepted(.p256(key))
        default:
            // `oct` (HMAC secrets) and `OKP` are never verification keys here.
            return .ignored(.algorithmNotAllowed)
        }
    }
}

/// A key in the JWKS file that the key store did not take, and why.
struct IgnoredKey: Sendable, Hashable {
    /// Why a key was ignored.
    enum Reason: String, Sendable, Hashable {
        /// No `kid`: tokens select keys by `kid`, so the key could never be used.
        case missingKeyID
        /// A second key with a `kid` already taken; the first one is kept.
        case duplicateKeyID
        /// `use` is not `sig`.
        case notForSigning
        /// Key type or `alg` outside the allowed RS256/ES256 (this includes every `oct` key).
        case algorithmNotAllowed
        /// Missing or unparseable key parameters, or an RSA modulus under 2048 bits.
        case invalidKeyMaterial
    }

    /// The key's `kid`, if it had one (a public identifier, safe to log).
    let keyID: String?
    /// Why it was ignored.
    let reason: Reason
}
