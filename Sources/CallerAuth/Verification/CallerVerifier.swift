public import Foundation
import JWTKit

/// Verifies callers' bearer JWTs: algorithm, key, signature, issuer, audience, time and claims.
///
/// Pure verification logic: the server's middleware extracts the header, calls ``verify(bearer:now:)``
/// and ``authorize(_:requiredScope:pathINSZ:)``, and maps ``CallerAuthError`` to HTTP.
public final class CallerVerifier: Sendable {
    /// What a token must look like.
    public let configuration: CallerAuthConfiguration
    private let keyStore: JWKSKeyStore
    private let validator: ClaimsValidator
    private let cache: VerifiedTokenCache?

    /// Creates a verifier.
    /// - Parameters:
    ///   - configuration: Issuer, audience, algorithms, leeway, claim and scope names.
    ///   - keyStore: The current verification keys.
    ///   - cacheCapacity: How many verified tokens to remember (by SHA-256) so that a reused token
    ///     skips signature verification; 0 turns the cache off.
    public init(configuration: CallerAuthConfiguration, keyStore: JWKSKeyStore, cacheCapacity: Int = 0) {
        self.configuration = configuration
        self.keyStore = keyStore
        self.validator = ClaimsValidator(configuration: configuration)
        self.cache = cacheCapacity > 0 ? VerifiedTokenCache(capacity: cacheCapacity) : nil
    }

    /// Verifies a bearer token.
    /// - Parameters:
    ///   - token: The compact JWS, without the `Bearer ` prefix.
    ///   - now: The current time, from the caller's clock.
    /// - Returns: The caller the token identifies.
    /// - Throws: ``CallerAuthError`` with status `.unauthorized` for any defect of the token.
    public func verify(bearer token: String, now: Date) async throws(CallerAuthError) -> VerifiedCaller {
        guard !token.isEmpty else { throw .missingToken }
        // Before hashing for the cache: an oversized token must cost us nothing.
        guard token.utf8.count <= CompactToken.maximumLength else { throw .malformedToken }
        let keySet = keyStore.current
        let cacheKey = cache.map { _ in VerifiedTokenCache.key(for: token) }
        if let cache, let cacheKey,
            let caller = cache.caller(for: cacheKey, keySetGeneration: keySet.generation, now: now)
        {
            return caller
        }

        let header = try CompactToken(token)
        guard let algorithm = SigningAlgorithm(rawValue: header.algorithm),
            configuration.allowedAlgorithms.contains(algorithm)
        else { throw .algorithmNotAllowed }
        guard let keyID = header.keyID, let keyAlgorithm = keySet.algorithms[keyID] else { throw .unknownKey }
        // The key decides the algorithm, never the token: an ES256 header on an RSA key is refused
        // here instead of reaching a verifier that might interpret the signature differently.
        guard keyAlgorithm == algorithm else { throw .algorithmNotAllowed }

        let claims: ClaimSet
        do {
            claims = try await keySet.collection.verify(token, as: ClaimSet.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformedToken
        } catch {
            // Signature mismatch, or a signature of the wrong size or encoding.
            throw .badSignature
        }

        let caller = try validator.validate(claims, now: now)
        if let cache, let cacheKey {
            cache.insert(caller, for: cacheKey, keySetGeneration: keySet.generation, now: now)
        }
        return caller
    }

    /// The number of verified tokens currently cached (0 when the cache is off).
    public var cachedTokenCount: Int { cache?.count ?? 0 }
}
