import CallerAuth
import Foundation
import JWTKit
import Testing

@Suite("JWKS key store")
struct JWKSKeyStoreTests {
    @Test("a changed file is reloaded and its new key verifies")
    func reloadPicksUpNewKey() async throws {
        let (store, path) = try await Fixture.keyStore()
        let verifier = CallerVerifier(configuration: Fixture.configuration, keyStore: store)
        #expect(try await store.reloadIfChanged() == nil)

        let newKey = ES256PrivateKey()
        let token = try await Fixture.es256(TestClaims(), kid: "ec-2", key: newKey)
        await #expect(throws: CallerAuthError.unknownKey) {
            try await verifier.verify(bearer: token, now: Fixture.now)
        }

        let rotated = try Fixture.jwks([
            Fixture.ecJWK(Fixture.ecKey.publicKey, kid: Fixture.ecKeyID), Fixture.ecJWK(newKey.publicKey, kid: "ec-2"),
        ])
        try rotated.write(to: URL(fileURLWithPath: path), options: .atomic)
        #expect(try await store.reloadIfChanged() == ["ec-1", "ec-2"])
        #expect(try await store.reloadIfChanged() == nil)
        _ = try await verifier.verify(bearer: token, now: Fixture.now)

        // The RSA key left the set: its tokens stop verifying at once.
        await #expect(throws: CallerAuthError.unknownKey) {
            try await verifier.verify(bearer: try await Fixture.rs256(TestClaims()), now: Fixture.now)
        }
    }

    @Test("a broken file keeps the last good keys, is reported once, and is retried when it changes")
    func brokenFileKeepsOldKeys() async throws {
        let (store, path) = try await Fixture.keyStore()
        let verifier = CallerVerifier(configuration: Fixture.configuration, keyStore: store)
        let token = try await Fixture.rs256(TestClaims())

        try Data("{\"keys\": [".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        await #expect {
            try await store.reloadIfChanged()
        } throws: { error in
            (error as? JWKSError)?.reason == "invalidJSON"
        }
        #expect(try await store.reloadIfChanged() == nil)
        #expect(store.keyIDs == ["rsa-1", "ec-1"])
        _ = try await verifier.verify(bearer: token, now: Fixture.now)

        // A JWKS with only an HMAC secret is valid JSON but has nothing usable.
        try Data("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}]}".utf8)
            .write(to: URL(fileURLWithPath: path), options: .atomic)
        await #expect {
            try await store.reload()
        } throws: { error in
            (error as? JWKSError)?.reason == "noUsableKeys"
        }
        _ = try await verifier.verify(bearer: token, now: Fixture.now)

        try FileManager.default.removeItem(atPath: path)
        await #expect {
            try await store.reloadIfChanged()
        } throws: { error in
            (error as? JWKSError)?.reason == "unreadable"
        }
        _ = try await verifier.verify(bearer: token, now: Fixture.now)

        try Fixture.standardJWKS().write(to: URL(fileURLWithPath: path), options: .atomic)
        #expect(try await store.reloadIfChanged() == ["rsa-1", "ec-1"])
    }

    @Test("only RS256 and ES256 public signing keys with a kid are kept")
    func keysFiltered() async throws {
        let rsa = try Fixture.rsaJWK(Fixture.rsaKey.publicKey, kid: "rsa-1")
        let ec = Fixture.ecJWK(Fixture.ecKey.publicKey, kid: "ec-1")
        var rs512 = try Fixture.rsaJWK(Fixture.rsaKey.publicKey, kid: "rs512", alg: "RS512")
        rs512["use"] = "sig"
        var noAlgRSA = try Fixture.rsaJWK(Fixture.rsaKey.publicKey, kid: "rsa-no-alg", alg: nil)
        noAlgRSA["use"] = nil
        var encryption = try Fixture.rsaJWK(Fixture.rsaKey.publicKey, kid: "enc", alg: "RSA-OAEP-256")
        encryption["use"] = "enc"
        var noKid = ec
        noKid["kid"] = nil
        var p384 = ec
        p384["kid"] = "p384"
        p384["crv"] = "P-384"
        var duplicate = ec
        duplicate["x"] = "AAAA"
        let oct = ["kty": "oct", "kid": "hmac", "alg": "HS256", "k": "c2VjcmV0"]
        let broken = ["kty": "EC", "crv": "P-256", "kid": "broken", "x": "AAAA", "y": "AAAA"]
        let data = try Fixture.jwks([rsa, ec, rs512, noAlgRSA, encryption, noKid, p384, oct, broken, duplicate])

        let (store, _) = try await Fixture.keyStore(jwks: data)
        #expect(store.keyIDs == ["rsa-1", "ec-1", "rsa-no-alg"])
    }

    @Test("a store whose allowed algorithms leave out RS256 ignores RSA keys")
    func allowedAlgorithmsFilter() async throws {
        let path = try Fixture.temporaryDirectory() + "/jwks.json"
        try Fixture.standardJWKS().write(to: URL(fileURLWithPath: path))
        let store = try await JWKSKeyStore(path: path, allowedAlgorithms: [.es256])
        #expect(store.keyIDs == ["ec-1"])
    }

    @Test("the first load fails loudly")
    func firstLoadFails() async throws {
        let path = try Fixture.temporaryDirectory() + "/missing.json"
        await #expect {
            _ = try await JWKSKeyStore(path: path)
        } throws: { error in
            (error as? JWKSError)?.reason == "unreadable"
        }
    }
}
