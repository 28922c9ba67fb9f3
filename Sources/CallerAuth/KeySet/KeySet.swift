import Foundation
import JWTKit

/// One immutable generation of verification keys: the algorithm per `kid`, and a jwt-kit key
/// collection holding exactly those keys.
///
/// The collection is filled once, before the set is published, and never changed afterwards,
/// so the `kid` check against ``algorithms`` and the signature check in ``collection`` always
/// see the same keys, even while a reload builds the next generation.
final class KeySet: Sendable {
    let generation: UInt64
    let algorithms: [String: SigningAlgorithm]
    let collection: JWTKeyCollection

    private init(generation: UInt64, algorithms: [String: SigningAlgorithm], collection: JWTKeyCollection) {
        self.generation = generation
        self.algorithms = algorithms
        self.collection = collection
    }

    /// Builds a key set from a JWKS file's bytes.
    /// - Returns: The key set and the keys that were left out, or `nil` when the bytes are not a JWKS.
    static func build(
        from data: Data,
        allowed: Set<SigningAlgorithm>,
        generation: UInt64
    ) async -> (KeySet, [IgnoredKey])? {
        guard let document = try? JSONDecoder().decode(JWKSDocument.self, from: data) else { return nil }

        var accepted: [String: PublicVerificationKey] = [:]
        var ignored: [IgnoredKey] = []
        for key in document.keys {
            guard let kid = key.kid, !kid.isEmpty else {
                ignored.append(IgnoredKey(keyID: nil, reason: .missingKeyID))
                continue
            }
            guard accepted[kid] == nil else {
                ignored.append(IgnoredKey(keyID: kid, reason: .duplicateKeyID))
                continue
            }
            switch key.verificationKey(allowed: allowed) {
            case .accepted(let verificationKey): accepted[kid] = verificationKey
            case .ignored(let reason): ignored.append(IgnoredKey(keyID: kid, reason: reason))
            }
        }

        // Only the typed RSA and ECDSA adders are used: each kid gets a signer fixed to one
        // algorithm, whatever `alg` a token names. jwt-kit's `add(jwk:)` would instead build a
        // signer from the token's `alg`, and HMAC keys are never added at all.
        let collection = JWTKeyCollection()
        for (kid, key) in accepted {
            switch key {
            case .rsa(let rsa):
                await collection.add(rsa: rsa, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
            case .p256(let ecdsa):
                await collection.add(ecdsa: ecdsa, kid: JWKIdentifier(string: kid))
            }
        }
        // jwt-kit falls back to a default signer for a kid it does not know; with no default,
        // an unknown kid can only fail, even if a caller bypassed our own kid check.
        await collection.clearDefault()
        let set = KeySet(
            generation: generation,
            algorithms: accepted.mapValues(\.algorithm),
            collection: collection
        )
        return (set, ignored.sorted { ($0.keyID ?? "") < ($1.keyID ?? "") })
    }
}
