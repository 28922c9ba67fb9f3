import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

@testable import ProxyServer

/// The checks that depend on who is asking refuse a request that has no verified caller — as
/// when a route is mounted without the authentication middleware — instead of letting it through.
@Suite struct FailClosedAuthorizationTests {
    @Test func noCallerIsRefusedByTheCitizenCheckAndTheCallerCheck() async throws {
        let security = try await TestSecurity()
        let router = Router(context: ProxyRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        let insz = try INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)
        router.get("/citizen") { _, context -> String in
            try context.requireCitizen(insz, verifier: security.security.verifier, scope: .read)
            return "let through"
        }
        router.get("/caller") { _, context -> String in
            _ = try context.requireCaller()
            return "let through"
        }
        try await Application(router: router).test(.router) { client in
            for uri in ["/citizen", "/caller"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .unauthorized, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(!String(buffer: response.body).contains("let through"))
            }
        }
    }
}
