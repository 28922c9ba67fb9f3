import CallerAuth
import Foundation
import JWTKit
import Testing

@Suite("Verified-token cache")
struct VerifiedTokenCacheTests {
    @Test("a reused token returns the same caller from the cache")
    func sameCaller() async throws {
        let verifier = try await Fixture.verifier(cacheCapacity: 16)
        var claims = TestClaims()
        claims.citizen = Fixture.citizen
        let token = try await Fixture.rs256(claims)
        let first = try await verifier.verify(bearer: token, now: Fixture.now)
        let second = try await verifier.verify(bearer: token, now: Fixture.now.addingTimeInterval(10))
        #expect(first == second)
        #expect(verifier.cachedTokenCount == 1)
    }

    @Test("a cached token does not outlive its exp")
    func expiresWithToken() async throws {
        let configuration = CallerAuthConfiguration(issuer: Fixture.issuer, audience: Fixture.audience, clockLeeway: .zero)
        let verifier = try await Fixture.verifier(configuration: configuration, cacheCapacity: 16)
        let token = try await Fixture.es256(TestClaims())
        let caller = try await verifier.verify(bearer: token, now: Fixture.now)
        await #expect(throws: CallerAuthError.expired) {
            try await verifier.verify(bearer: token, now: caller.expiresAt)
        }
        #expect(verifier.cachedTokenCount == 0)
    }

    @Test("a cached token stops working when its key leaves the key set")
    func keyRotationInvalidates() async throws {
        let (store, path) = try await Fixture.keyStore()
        let verifier = CallerVerifier(configuration: Fixture.configuration, keyStore: store, cacheCapacity: 16)
        let token = try await Fixture.rs256(TestClaims())
        _ = try await verifier.verify(bearer: token, now: Fixture.now)

        try Fixture.jwks([Fixture.ecJWK(Fixture.ecKey.publicKey, kid: Fixture.ecKeyID)])
            .write(to: URL(fileURLWithPath: path), options: .atomic)
        try await store.reloadIfChanged()
        await #expect(throws: CallerAuthError.unknownKey) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("the cache holds at most its capacity")
    func bounded() async throws {
        let verifier = try await Fixture.verifier(cacheCapacity: 2)
        for lifetime in [100.0, 200, 300, 400] {
            var claims = TestClaims()
            claims.exp = Fixture.now.timeIntervalSince1970 + lifetime
            _ = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
        }
        #expect(verifier.cachedTokenCount == 2)
    }

    @Test("capacity 0 turns the cache off, and refused tokens are never cached")
    func offAndRefusals() async throws {
        let off = try await Fixture.verifier(cacheCapacity: 0)
        _ = try await off.verify(bearer: try await Fixture.es256(TestClaims()), now: Fixture.now)
        #expect(off.cachedTokenCount == 0)

        let on = try await Fixture.verifier(cacheCapacity: 16)
        var claims = TestClaims()
        claims.iss = "https://evil.example"
        let refused = try await Fixture.es256(claims)
        for _ in 0..<2 {
            await #expect(throws: CallerAuthError.wrongIssuer) {
                try await on.verify(bearer: refused, now: Fixture.now)
            }
        }
        #expect(on.cachedTokenCount == 0)
    }
}
