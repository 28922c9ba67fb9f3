import CallerAuth
import Foundation
import Testing

@Suite("Tokens accepted")
struct AcceptanceTests {
    @Test("a valid RS256 token yields the caller")
    func validRS256() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.scope = "ocmw.dossier.read ocmw.dossier.submit"
        claims.citizen = Fixture.citizen
        let token = try await Fixture.rs256(claims)
        let caller = try await verifier.verify(bearer: token, now: Fixture.now)
        #expect(caller.clientID == "mbp")
        #expect(caller.scopes == ["ocmw.dossier.read", "ocmw.dossier.submit"])
        #expect(caller.citizenINSZ == (try Fixture.insz(Fixture.citizen)))
        #expect(caller.expiresAt == Fixture.now.addingTimeInterval(300))
    }

    @Test("a valid ES256 token without a citizen claim yields an unbound caller")
    func validES256() async throws {
        let verifier = try await Fixture.verifier()
        let token = try await Fixture.es256(TestClaims())
        let caller = try await verifier.verify(bearer: token, now: Fixture.now)
        #expect(caller.citizenINSZ == nil)
        #expect(caller.scopes == ["ocmw.dossier.read"])
    }

    @Test("exp and nbf are allowed to be off by up to the leeway")
    func leeway() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.exp = Fixture.now.timeIntervalSince1970 - 29
        claims.nbf = Fixture.now.timeIntervalSince1970 + 29
        let token = try await Fixture.rs256(claims)
        _ = try await verifier.verify(bearer: token, now: Fixture.now)
    }

    @Test("a zero leeway makes exp exact")
    func zeroLeeway() async throws {
        let configuration = CallerAuthConfiguration(issuer: Fixture.issuer, audience: Fixture.audience, clockLeeway: .zero)
        let verifier = try await Fixture.verifier(configuration: configuration)
        let token = try await Fixture.rs256(TestClaims())
        let exp = Fixture.now.addingTimeInterval(300)
        _ = try await verifier.verify(bearer: token, now: exp.addingTimeInterval(-1))
        await #expect(throws: CallerAuthError.expired) {
            try await verifier.verify(bearer: token, now: exp)
        }
    }

    @Test("aud may be an array that contains the audience among others")
    func audienceArray() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.aud = ["other", Fixture.audience]
        _ = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
    }

    @Test("scope and scp are merged")
    func scopeForms() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.scope = "ocmw.dossier.read  openid"
        claims.scp = ["ocmw.admin"]
        let caller = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
        #expect(caller.scopes == ["ocmw.dossier.read", "openid", "ocmw.admin"])
    }

    @Test("the client id falls back from azp to client_id to sub")
    func clientIDFallback() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.azp = nil
        claims.clientID = "client-from-client_id"
        claims.sub = "subject"
        var caller = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
        #expect(caller.clientID == "client-from-client_id")
        claims.clientID = nil
        caller = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
        #expect(caller.clientID == "subject")
    }

    @Test("the citizen claim's name is configurable")
    func customCitizenClaim() async throws {
        let configuration = CallerAuthConfiguration(issuer: Fixture.issuer, audience: Fixture.audience, citizenClaim: "rrn")
        let verifier = try await Fixture.verifier(configuration: configuration)
        var claims = TestClaims()
        claims.citizen = "not even digits"  // under the default name, which this configuration ignores
        let caller = try await verifier.verify(bearer: try await Fixture.es256(claims), now: Fixture.now)
        #expect(caller.citizenINSZ == nil)
    }
}
