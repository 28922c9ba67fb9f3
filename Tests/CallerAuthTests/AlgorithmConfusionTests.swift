import CallerAuth
import Foundation
import JWTKit
import Testing

@Suite("Algorithm and key confusion")
struct AlgorithmConfusionTests {
    @Test("alg none is refused, with or without a signature")
    func algNone() async throws {
        let verifier = try await Fixture.verifier()
        let payload = try TestClaims().encodedSegment()
        for header in [
            "{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"none\",\"kid\":\"rsa-1\"}", "{\"alg\":\"NONE\",\"kid\":\"rsa-1\"}",
        ] {
            for signature in ["", "c2ln"] {
                let token = "\(base64URL(header)).\(payload).\(signature)"
                await #expect(throws: CallerAuthError.algorithmNotAllowed) {
                    try await verifier.verify(bearer: token, now: Fixture.now)
                }
            }
        }
    }

    @Test("HS256 keyed with the RSA public key's PEM is refused")
    func hmacWithPublicKey() async throws {
        let verifier = try await Fixture.verifier()
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: Fixture.rsaKey.publicKey.pemRepresentation), digestAlgorithm: .sha256, kid: "rsa-1")
        let token = try await keys.sign(TestClaims(), kid: "rsa-1")
        #expect(headerAlgorithm(of: token) == "HS256")
        await #expect(throws: CallerAuthError.algorithmNotAllowed) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("an HMAC signature under an RS256 header does not verify")
    func hmacUnderRS256Header() async throws {
        let verifier = try await Fixture.verifier()
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: Fixture.rsaKey.publicKey.pemRepresentation), digestAlgorithm: .sha256, kid: "rsa-1")
        let token = try await keys.sign(TestClaims(), kid: "rsa-1", header: ["alg": "RS256"])
        await #expect(throws: CallerAuthError.badSignature) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("a kid that is not in the key set, or no kid, is refused")
    func unknownKey() async throws {
        let verifier = try await Fixture.verifier()
        let unknown = try await Fixture.rs256(TestClaims(), kid: "rotated-away")
        await #expect(throws: CallerAuthError.unknownKey) {
            try await verifier.verify(bearer: unknown, now: Fixture.now)
        }
        let keys = JWTKeyCollection()
        await keys.add(rsa: Fixture.rsaKey, digestAlgorithm: .sha256)
        let withoutKid = try await keys.sign(TestClaims())
        await #expect(throws: CallerAuthError.unknownKey) {
            try await verifier.verify(bearer: withoutKid, now: Fixture.now)
        }
    }

    @Test("an ES256 header naming the RSA key is refused: the key decides the algorithm")
    func algorithmKeyMismatch() async throws {
        let verifier = try await Fixture.verifier()
        let token = try await Fixture.es256(TestClaims(), kid: Fixture.rsaKeyID)
        await #expect(throws: CallerAuthError.algorithmNotAllowed) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }

    @Test("an algorithm left out of the configuration is refused even with a valid signature")
    func algorithmNotConfigured() async throws {
        let configuration = CallerAuthConfiguration(
            issuer: Fixture.issuer, audience: Fixture.audience, allowedAlgorithms: [.es256])
        let verifier = try await Fixture.verifier(configuration: configuration)
        let token = try await Fixture.rs256(TestClaims())
        await #expect(throws: CallerAuthError.algorithmNotAllowed) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }
    }
}
