import CallerAuth
import Foundation
import OCMWCore
import Testing

@Suite("Development signing key")
struct DevSigningKeyTests {
    @Test("a dev token verifies against the dev JWKS with the demo issuer and audience")
    func roundTrip() async throws {
        let directory = try Fixture.temporaryDirectory() + "/data/nested"
        let devKey = try DevSigningKey(directory: directory)
        let jwksPath = directory + "/dev-jwks.json"
        try devKey.writeJWKS(toPath: jwksPath)

        let store = try await JWKSKeyStore(path: jwksPath)
        #expect(store.keyIDs == [DevSigningKey.keyID])
        let configuration = CallerAuthConfiguration(issuer: DevSigningKey.issuer, audience: DevSigningKey.audience)
        let verifier = CallerVerifier(configuration: configuration, keyStore: store)

        let citizen = try Fixture.insz(Fixture.citizen)
        let token = try await devKey.token(
            scopes: ["ocmw.dossier.read", "ocmw.dossier.submit"], insz: citizen, clientID: "mbp-demo",
            lifetime: .seconds(600), now: Fixture.now)
        let caller = try await verifier.verify(bearer: token, now: Fixture.now)
        #expect(caller.clientID == "mbp-demo")
        #expect(caller.scopes == ["ocmw.dossier.read", "ocmw.dossier.submit"])
        #expect(caller.citizenINSZ == citizen)
        #expect(caller.expiresAt == Fixture.now.addingTimeInterval(600))
        try verifier.authorize(caller, requiredScope: .submit, pathINSZ: citizen)
    }

    @Test("the PEM file is created with mode 0600 and reused by the next instance")
    func pemReused() async throws {
        let directory = try Fixture.temporaryDirectory()
        let first = try DevSigningKey(directory: directory)
        let path = directory + "/" + DevSigningKey.fileName
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let second = try DevSigningKey(directory: directory)
        #expect(second.publicJWKSJSON == first.publicJWKSJSON)

        // A token from the second instance verifies against the first one's JWKS.
        let jwksPath = directory + "/jwks.json"
        try first.writeJWKS(toPath: jwksPath)
        let verifier = CallerVerifier(
            configuration: CallerAuthConfiguration(issuer: DevSigningKey.issuer, audience: DevSigningKey.audience),
            keyStore: try await JWKSKeyStore(path: jwksPath))
        let token = try await second.token(scopes: ["ocmw.admin"], insz: nil, clientID: "ops", lifetime: .seconds(60), now: Fixture.now)
        #expect(try await verifier.verify(bearer: token, now: Fixture.now).scopes == ["ocmw.admin"])
    }

    @Test("a PEM file that is not a key is an error, not silently replaced")
    func corruptPEM() throws {
        let directory = try Fixture.temporaryDirectory()
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: directory + "/" + DevSigningKey.fileName))
        #expect(throws: DevSigningKeyError.self) {
            try DevSigningKey(directory: directory)
        }
    }
}
