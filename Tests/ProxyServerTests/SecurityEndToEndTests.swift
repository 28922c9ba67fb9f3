import AuditTrail
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Synchronization
import Testing

/// Callers through the real server: 401 and 403 answers, the citizen binding of token-exchange
/// tokens, and the audit trail of every access.
@Suite struct SecurityEndToEndTests {
    static let wireframe = try! INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)

    @Test func missingTokenIsA401WithAChallenge() async throws {
        try await withProxyAndSimulator { client, simulator in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get,
                authorization: nil)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer realm=") == true)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 0, "nothing reached a backend")
        }
    }

    @Test(arguments: ["Bearer not.a.token", "Basic dXNlcjpwYXNz", "Bearer ", "eyJhbGciOiJub25lIn0.e30."])
    func invalidCredentialIsA401(header: String) async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get,
                authorization: header)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.contains("Bearer") == true)
        }
    }

    @Test func tokenWithoutTheReadScopeIsA403() async throws {
        let security = try await TestSecurity()
        let submitOnly = "Bearer " + (try await security.token(scopes: ["ocmw.dossier.submit"]))
        try await withProxyAndSimulator(security: security) { client, _ in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get,
                authorization: submitOnly)
            #expect(response.status == .forbidden)
            #expect(response.headers[.wwwAuthenticate]?.contains("insufficient_scope") == true)
        }
    }

    @Test func citizenBoundTokenReadsOnlyItsOwnCitizen() async throws {
        let security = try await TestSecurity()
        let bound = "Bearer " + (try await security.token(insz: Self.wireframe))
        try await withProxyAndSimulator(security: security) { client, _ in
            let own = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get,
                authorization: bound)
            #expect(own.status == .ok)
            let other = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts", method: .get,
                authorization: bound)
            #expect(other.status == .forbidden)
            #expect(!String(buffer: other.body).contains(DemoCitizens.twoOCMWINSZ))
        }
        try await security.auditWriter.flush()
        let records = try await security.auditStore.records(from: .distantPast, to: .distantFuture)
        #expect(records.map(\.outcome) == [.ok, .denied])
        #expect(records.allSatisfy { $0.clientID == "mbp-test" && $0.action == .read })
        #expect(records.first?.tenants == [TenantID("gent")!])
        #expect(records.first?.citizen == security.audit.pseudonymOf(Self.wireframe))
    }

    @Test func everyReadIsAuditedWithAPseudonymOnly() async throws {
        let security = try await TestSecurity()
        try await withProxyAndSimulator(bonheidenLimits: hangingTenantLimits, security: security) { client, simulator in
            simulator.setFault(Fault(mode: .hang), for: TenantID("bonheiden")!)
            _ = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/dossier")
        }
        try await security.auditWriter.flush()
        let records = try await security.auditStore.records(from: .distantPast, to: .distantFuture)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.parts.count == 7)
        #expect(record.outcome == .partial, "Bonheiden hung during discovery: listed, not answered")
        #expect(record.httpStatus == 200)
        #expect(!"\(record)".contains(DemoCitizens.wireframeINSZ))
    }

    @Test func healthNeedsNoToken() async throws {
        try await withProxyAndSimulator { client, _ in
            let live = try await client.execute(uri: "/health/live", method: .get, authorization: nil)
            #expect(live.status == .ok)
            let ready = try await client.execute(uri: "/health/ready", method: .get, authorization: nil)
            #expect(ready.status == .ok)
        }
    }

    @Test func answersEchoTheRequestID() async throws {
        try await withProxyAndSimulator { client, _ in
            let ok = try await client.execute(uri: "/v1/ocmws", method: .get, headers: [.init("X-Request-Id")!: "trace-123"])
            #expect(ok.headers[.init("X-Request-Id")!] == "trace-123")
            let problem = try await client.execute(
                uri: "/v1/citizens/12345678901/debts", method: .get,
                headers: [.init("X-Request-Id")!: "trace-456"])
            #expect(problem.status == .badRequest)
            #expect(problem.headers[.init("X-Request-Id")!] == "trace-456")
            let tooLong = try await client.execute(uri: "/v1/ocmws?" + String(repeating: "a", count: 3_000), method: .get)
            #expect(tooLong.status == .uriTooLong)
            let unknown = try await client.execute(uri: "/v1/nothing-here", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
        }
    }

    /// A caller's id holding a national number would carry it into the log lines, the audit
    /// trail and every backend call: it is replaced by a fresh one; other ids pass unchanged.
    @Test(arguments: ["rid-90031204551", "90.03.12-045.51", "trace-x90031204551-17"])
    func aRequestIDHoldingANationalNumberIsReplaced(given: String) async throws {
        let security = try await TestSecurity()
        let logs = LogCapture()
        let requestID = HTTPTypes.HTTPField.Name("X-Request-Id")!
        let echoed = Mutex<String?>(nil)
        try await withProxyAndSimulator(logs: logs, security: security) { client, _ in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get, headers: [requestID: given])
            #expect(response.status == .ok)
            let kept = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get, headers: [requestID: "rid-12345"])
            #expect(kept.headers[requestID] == "rid-12345", "an id without a national number is kept")
            echoed.withLock { $0 = response.headers[requestID] }
        }
        let replaced = try #require(echoed.withLock { $0 })
        #expect(UUID(uuidString: replaced) != nil, "a fresh id in its place")
        #expect(!replaced.contains("90031204551") && !replaced.contains("045.51"))
        try await security.auditWriter.flush()
        let records = try await security.auditStore.records(from: .distantPast, to: .distantFuture)
        #expect(records.map(\.requestID) == [replaced, "rid-12345"], "the audit trail has the replacement")
        let lines = logs.records.map(\.line)
        #expect(lines.contains { $0.contains(replaced) }, "the log lines have the replacement")
        #expect(!lines.contains { $0.contains(given) })
        #expect(lines.flatMap(ErrorAnswerTests.nationalNumbers).isEmpty)
    }
}

/// Path ids reach New Social only when the contract allows them: an encoded `../` never does.
@Suite struct CertificateIDEndToEndTests {
    @Test(arguments: [
        "..%2F..%2F90031204551%2Fcertificates%2FATT-2023-0311", "%2E%2E", "ATT%200042", "ATT%00", "caf%C3%A9",
        String(repeating: "A", count: 65),
    ])
    func idOutsideTheContractIsRefusedBeforeAnyBackendCall(id: String) async throws {
        try await withProxyAndSimulator { client, simulator in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates/gent/\(id)/document", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: response.body).contains("invalid-certificate-id"))
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 0, "nothing reached Gent")
        }
    }
}
