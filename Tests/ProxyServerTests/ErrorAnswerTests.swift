import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
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

    @Test func logsNeverContainTheNationalNumber() async throws {
        let logs = LogCapture()
        try await withProxyAndSimulator(logs: logs) { client, simulator in
            simulator.setFault(Fault(mode: .garbage), for: TenantID("bonheiden")!)
            _ = try await client.debts(DemoCitizens.twoOCMWINSZ)
            _ = try await client.debts(DemoCitizens.wireframeINSZ)
            _ = try await client.execute(uri: "/v1/citizens/85073009097/debts", method: .get)
        }
        let lines = logs.records.map(\.line)
        #expect(lines.contains { $0.contains("/v1/citizens/{insz}/debts") || $0.contains("/v1/citizens/:insz/debts") })
        for insz in [DemoCitizens.twoOCMWINSZ, DemoCitizens.wireframeINSZ, "85073009097"] {
            #expect(!lines.contains { $0.contains(insz) })
        }
    }
}
