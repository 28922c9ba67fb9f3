import CallerAuth
import Foundation
import OCMWCore
import Testing

@Suite("Authorization (403) and challenges")
struct AuthorizationTests {
    static let expires = Fixture.now.addingTimeInterval(300)

    @Test("a caller without the route's scope is forbidden", arguments: [Scope.read, .submit, .admin])
    func missingScope(scope: Scope) async throws {
        let verifier = try await Fixture.verifier()
        let caller = VerifiedCaller(clientID: "mbp", scopes: ["openid"], citizenINSZ: nil, expiresAt: Self.expires)
        let name = ScopeNames.standard.name(for: scope)
        #expect(throws: CallerAuthError.missingScope(name)) {
            try verifier.authorize(caller, requiredScope: scope, pathINSZ: nil)
        }
        let error = CallerAuthError.missingScope(name)
        #expect(error.status == .forbidden)
        #expect(error.reason == "missingScope")
        #expect(
            error.wwwAuthenticate()
                == "Bearer realm=\"ocmw-proxy\", error=\"insufficient_scope\", error_description=\"the token lacks the scope \(name)\", scope=\"\(name)\""
        )
    }

    @Test("no scope implies another")
    func scopesAreIndependent() async throws {
        let verifier = try await Fixture.verifier()
        let admin = VerifiedCaller(clientID: "ops", scopes: ["ocmw.admin"], citizenINSZ: nil, expiresAt: Self.expires)
        try verifier.authorize(admin, requiredScope: .admin, pathINSZ: nil)
        #expect(throws: CallerAuthError.missingScope("ocmw.dossier.read")) {
            try verifier.authorize(admin, requiredScope: .read, pathINSZ: nil)
        }
    }

    @Test("a token bound to one citizen cannot reach another")
    func citizenMismatch() async throws {
        let verifier = try await Fixture.verifier()
        let bound = try Fixture.insz(Fixture.citizen)
        let other = try Fixture.insz(Fixture.otherCitizen)
        let caller = VerifiedCaller(clientID: "mbp", scopes: ["ocmw.dossier.read"], citizenINSZ: bound, expiresAt: Self.expires)
        try verifier.authorize(caller, requiredScope: .read, pathINSZ: bound)
        try verifier.authorize(caller, requiredScope: .read, pathINSZ: nil)
        #expect(throws: CallerAuthError.citizenMismatch) {
            try verifier.authorize(caller, requiredScope: .read, pathINSZ: other)
        }
        #expect(CallerAuthError.citizenMismatch.status == .forbidden)
    }

    @Test("a caller without a citizen binding may name any citizen")
    func unboundCaller() async throws {
        let verifier = try await Fixture.verifier()
        let caller = VerifiedCaller(clientID: "mbp", scopes: ["ocmw.dossier.read"], citizenINSZ: nil, expiresAt: Self.expires)
        try verifier.authorize(caller, requiredScope: .read, pathINSZ: try Fixture.insz(Fixture.otherCitizen))
    }

    @Test("the whole path from a real token to a mismatch")
    func tokenToMismatch() async throws {
        let verifier = try await Fixture.verifier()
        var claims = TestClaims()
        claims.citizen = Fixture.citizen
        let caller = try await verifier.verify(bearer: try await Fixture.rs256(claims), now: Fixture.now)
        #expect(throws: CallerAuthError.citizenMismatch) {
            try verifier.authorize(caller, requiredScope: .read, pathINSZ: try Fixture.insz(Fixture.otherCitizen))
        }
    }

    @Test("401 challenges follow RFC 6750")
    func unauthorizedChallenges() {
        #expect(CallerAuthError.missingToken.wwwAuthenticate() == "Bearer realm=\"ocmw-proxy\"")
        #expect(
            CallerAuthError.expired.wwwAuthenticate()
                == "Bearer realm=\"ocmw-proxy\", error=\"invalid_token\", error_description=\"the token has expired\"")
        #expect(CallerAuthError.badSignature.status == .unauthorized)
        #expect(CallerAuthError.badSignature.reason == "badSignature")
    }

    @Test("error texts never contain an INSZ or token material")
    func descriptionsAreSafe() {
        let errors: [CallerAuthError] = [
            .missingToken, .malformedToken, .algorithmNotAllowed, .unknownKey, .badSignature, .expired,
            .notYetValid, .wrongIssuer, .wrongAudience, .missingExpiry, .missingClientID,
            .invalidCitizenClaim, .citizenMismatch, .missingScope("ocmw.dossier.read"),
        ]
        for error in errors {
            for text in [error.description, error.wwwAuthenticate(), "\(error)", String(reflecting: error)] {
                #expect(!text.contains { $0.isNumber }, "\(error.reason)")
                #expect(!text.contains("eyJ"), "\(error.reason)")
            }
        }
    }

    @Test(
        "the bearer token is taken from the Authorization header",
        arguments: [("Bearer abc.def.ghi", "abc.def.ghi"), ("bearer  abc.def.ghi ", "abc.def.ghi")]
    )
    func bearerHeader(header: String, token: String) throws {
        #expect(try CallerVerifier.bearerToken(fromAuthorizationHeader: header) == token)
    }

    @Test(
        "a missing or non-bearer Authorization header is a missing token",
        arguments: [nil, "", "Basic dXNlcjpwdw==", "Bearer ", "Bearerabc"])
    func missingBearer(header: String?) {
        #expect(throws: CallerAuthError.missingToken) {
            try CallerVerifier.bearerToken(fromAuthorizationHeader: header)
        }
    }
}
