import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import Outbox
import ProxyServer
import ProxyTesting
import Testing

/// Bad input gets a precise `application/problem+json` answer; nothing leaks national numbers.
@Suite struct ErrorAnswerTests {
    struct Problem: Decodable {
        let type: String
        let title: String
        let status: Int
        let detail: String?
    }

    @Test(arguments: ["12345678901", "8507300332", "85073003328x", "85073009097", "85133000105"])
    func invalidINSZIsABadRequestProblem(insz: String) async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(uri: "/v1/citizens/\(insz)/debts", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
            #expect(problem.type == "urn:ocmw-proxy:problem:invalid-insz")
            #expect(problem.status == 400)
            #expect(problem.detail?.contains(insz) == false)
        }
    }

    @Test func invalidBooleanParameterIsABadRequestProblem() async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts?includePaid=maybe", method: .get)
            #expect(response.status == .badRequest)
            let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
            #expect(problem.type == "urn:ocmw-proxy:problem:invalid-parameter")
            #expect(problem.detail?.contains("includePaid") == true)
        }
    }

    @Test func healthReportsActiveTenants() async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("\"activeTenants\":2"))
        }
    }

    /// Every part, both dialects, a download, submissions delivered and refused (the OCMW's
    /// refusal naming the citizen), reloads taken and refused, faults, problems, discovery, the
    /// feed and a request id holding a national number: then every line the proxy logged is
    /// scanned for any 11-digit run that passes the INSZ check, and for the citizen's name.
    /// Zero hits.
    @Test func logsNeverContainANationalNumber() async throws {
        let logs = LogCapture()
        try await withWholeProxy(logs: logs) { proxy in
            let (client, simulator) = (proxy.client, proxy.simulator)
            let wireframe = DemoCitizens.wireframeINSZ
            for insz in [wireframe, DemoCitizens.twoOCMWINSZ, DemoCitizens.unknownINSZ] {
                _ = try await client.execute(uri: "/v1/citizens/\(insz)/dossier", method: .get)
                _ = try await client.execute(uri: "/v1/citizens/\(insz)/payments?from=2023-08&to=2023-08", method: .get)
            }
            _ = try await client.execute(
                uri: "/v1/citizens/\(wireframe)/debts", method: .get, headers: [.init("X-Request-Id")!: "rid-\(wireframe)"])
            let document = try await client.execute(
                uri: "/v1/citizens/\(wireframe)/certificates/gent/ATT-2023-0042/document", method: .get)
            #expect(document.status == .ok)
            try await Self.submitAndDeliver(proxy)
            try await Self.reload(proxy)
            simulator.setFault(Fault(mode: .garbage), for: TenantID("bonheiden")!)
            _ = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier", method: .get)
            simulator.setFault(Fault(mode: .reset), for: TenantID("gent")!)
            _ = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts", method: .get)
            _ = try await client.execute(uri: "/v1/citizens/85073009097/debts", method: .get)
            _ = try await client.execute(uri: "/v1/citizens/\(wireframe)/debts", method: .get, authorization: nil)
            _ = try await client.execute(
                uri: "/v1/routing/registrations", method: .put,
                body: ByteBuffer(string: #"{"insz":"\#(wireframe)","ocmw":"gent","capacity":"LL","start":"2024-01-01"}"#))
        }
        let lines = logs.records.map(\.line)
        #expect(lines.count > 10, "the traffic was logged")
        #expect(lines.contains { $0.contains("/v1/citizens/{insz}/dossier") })
        #expect(lines.contains { $0.contains("submission delivered") })
        #expect(lines.contains { $0.contains("submission failed") && $0.contains("reason=refused") })
        let leaks = lines.flatMap(Self.nationalNumbers)
        #expect(leaks.isEmpty, "national numbers in the logs: \(leaks.count)")
        let named = lines.filter { $0.contains("Vandenbrande") || $0.contains("Jacqueline") }
        #expect(named.isEmpty, "the citizen's name in the logs: \(named.count) lines")
    }

    /// A request for help and a certificate request Gent takes, and a request for help Bonheiden
    /// refuses in words that name the citizen: none of those words is stored or answered.
    static func submitAndDeliver(_ proxy: WholeProxy) async throws {
        let deliveries = DeliveryEndToEndTests()
        proxy.simulator.setFault(Fault(mode: .refuseNamingTheCitizen), for: TenantID("bonheiden")!)
        let delivered = try await deliveries.submit(proxy.client, ocmw: "gent", key: "scan-gent")
        let refused = try await deliveries.submit(proxy.client, ocmw: "bonheiden", key: "scan-bonheiden")
        let certificate = try await proxy.client.execute(
            uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates", method: .post,
            headers: [.init("Idempotency-Key")!: "scan-certificate"],
            body: ByteBuffer(string: #"{"ocmw":"gent","certificateType":"ATT-LL"}"#))
        #expect(certificate.status == .accepted)
        for location in [delivered, try #require(certificate.headers[.location])] {
            #expect(try await deliveries.settled(proxy.client, location)["status"] as? String == "delivered")
        }
        #expect(try await deliveries.settled(proxy.client, refused)["status"] as? String == "failed")
        #expect(proxy.simulator.submissionsReceived(for: TenantID("bonheiden")!) == 1, "a refusal is final")
        let answer = String(buffer: try await proxy.client.execute(uri: refused, method: .get).body)
        #expect(answer.contains(#""reason":"refused""#))
        #expect(nationalNumbers(in: answer).isEmpty && !answer.contains("Vandenbrande"), "the OCMW's words are not answered")
        let id = try #require(UUID(uuidString: String(refused.dropFirst("/v1/submissions/".count))))
        let stored = try #require(try await proxy.outbox.status(id: id))
        #expect(stored.state == .failed(reason: "refused"), "the stored reason is the category")
        let listed = try await proxy.outbox.list(state: nil, tenant: nil, limit: 10)
        #expect(!"\(listed.map { ($0.state, $0.lastError) })".contains("Vandenbrande"))
        proxy.simulator.setFault(.none, for: TenantID("bonheiden")!)
    }

    /// One reload taken (Bonheiden's limits changed) and one refused (an invalid file).
    static func reload(_ proxy: WholeProxy) async throws {
        var changed = proxy.document
        changed.tenants[1].limits?.maxInFlight = 32
        try JSONEncoder().encode(changed).write(to: proxy.tenantsFile, options: .atomic)
        #expect(await proxy.reloader.reload(trigger: .admin) == .reloaded(tenants: 2))
        try Data(#"{"tenants": [{"id": "gent", "kbo": "0212.214.126"}]}"#.utf8).write(to: proxy.tenantsFile, options: .atomic)
        guard case .rejected = await proxy.reloader.reload(trigger: .admin) else {
            Issue.record("an invalid file was taken")
            return
        }
    }

    /// Every 11-digit run in `text` (not part of a longer digit run) that is a valid INSZ.
    static func nationalNumbers(in text: String) -> [String] {
        var found: [String] = []
        var run = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                run.append(character)
                continue
            }
            if run.count == 11, (try? INSZ(parsing: run, currentYear: testCurrentYear)) != nil { found.append(run) }
            run = ""
        }
        return found
    }

    @Test func theLogScanFindsANumberWhenThereIsOne() {
        #expect(Self.nationalNumbers(in: "citizen=85073003328 other=123") == ["85073003328"])
        #expect(Self.nationalNumbers(in: "id 850730033281 and 85073009097").isEmpty)
    }
}
