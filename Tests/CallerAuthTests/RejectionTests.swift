import CallerAuth
import Foundation
import JWTKit
import Testing

@Suite("Tokens refused with 401")
struct RejectionTests {
    @Test("an empty token is a missing token")
    func emptyToken() async throws {
        let verifier = try await Fixture.verifier()
        await #expect(throws: CallerAuthError.missingToken) {
            try await verifier.verify(bearer: "", now: Fixture.now)
        }
    }

    @Test(
        "a token that is not a compact JWS is malformed",
        arguments: [
            "not-a-jwt",
            "only.two",
            "a.b.c.d",
            "!!!.e30.c2ln",
            "eyJhbGciOiJSUzI1NiJ9.e30=.c2ln",  // padding is not base64url
            ".e30.c2ln",  // empty header
            "\(base64URL("not json")).e30.c2ln",
            "\(base64URL("{\"kid\":\"rsa-1\"}")).e30.c2ln",  // no alg
            "\(base64URL("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"exp\"]}")).e30.c2ln",
            String(repeating: "a", count: 20_000) + ".e30.c2ln",
        ]
    )
    func malformed(token: String) async throws {
        let verifier = try await Fixture.verifier()
        await #expect(throws: CallerAuthError.malformedToken) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a token past exp plus the leeway is expired")
    func expired() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.exp = Fixture.now.timeIntervalSince1970 - 31
        let token = try await Fixture.rs256(claims)
        await #expect(throws: CallerAuthError.expired) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a token before nbf minus the leeway is not yet valid")
    func notYetValid() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.nbf = Fixture.now.timeIntervalSince1970 + 31
        let token = try await Fixture.es256(claims)
        await #expect(throws: CallerAuthError.notYetValid) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a token from another issuer, or without iss, is refused")
    func wrongIssuer() async throws {
        let verifier = try await Fixture.verifier()
        for issuer in ["https://evil.example", nil] {
            var claims = TestClaims()
            claims.iss = issuer
            let token = try await Fixture.rs256(claims)
            await #expect(throws: CallerAuthError.wrongIssuer) {
                try await verifier.verify(bearer: token, now: Fixture.now)
            }
        }
    }

    @Test("a token for another audience, or without aud, is refused")
    func wrongAudience() async throws {
        let verifier = try await Fixture.verifier()
        for audience in [["other-service"], ["a", "b"], nil] {
            var claims = TestClaims()
            claims.aud = audience
            let token = try await Fixture.rs256(claims)
            await #expect(throws: CallerAuthError.wrongAudience) {
                try await verifier.verify(bearer: token, now: Fixture.now)
            }
        }
    }

    @Test("a token without exp is refused")
    func missingExpiry() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.exp = nil
        let token = try await Fixture.es256(claims)
        await #expect(throws: CallerAuthError.missingExpiry) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a token that names no client is refused")
    func missingClient() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.azp = nil
        let token = try await Fixture.es256(claims)
        await #expect(throws: CallerAuthError.missingClientID) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a citizen claim that is not a valid INSZ rejects the token", arguments: ["85073003329", "123", "abc"])
    func invalidCitizen(value: String) async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.citizen = value
        let token = try await Fixture.rs256(claims)
        await #expect(throws: CallerAuthError.invalidCitizenClaim) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a payload changed after signing fails the signature check")
    func tamperedPayload() async throws {
        let verifier = try await Fixture.verifier()
        let token = try await Fixture.rs256(TestClaims())
        var claims = TestClaims()
        claims.scope = "ocmw.dossier.read ocmw.admin"
        let parts = token.split(separator: ".")
        let forged = "\(parts[0]).\(try claims.encodedSegment()).\(parts[2])"
        await #expect(throws: CallerAuthError.badSignature) {
            try await verifier.verify(bearer: forged, now: Fixture.now)
        }
    }

    @Test("a token signed by another key under a known kid fails the signature check")
    func foreignKey() async throws {
        let verifier = try await Fixture.verifier()
        let token = try await Fixture.es256(TestClaims(), key: ES256PrivateKey())
        await #expect(throws: CallerAuthError.badSignature) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }
}
