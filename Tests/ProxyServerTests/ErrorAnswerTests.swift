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

    /// Every part, both dialects, faults, problems, discovery and the feed: then every line the
    /// proxy logged is scanned for any 11-digit run that passes the INSZ check. Zero hits.
    @Test func logsNeverContainANationalNumber() async throws {
        let logs = LogCapture()
        try await withProxyAndSimulator(logs: logs) { client, simulator in
            for insz in [DemoCitizens.wireframeINSZ, DemoCitizens.twoOCMWINSZ, DemoCitizens.unknownINSZ] {
                _ = try await client.execute(uri: "/v1/citizens/\(insz)/dossier", method: .get)
                _ = try await client.execute(uri: "/v1/citizens/\(insz)/payments?from=2023-08&to=2023-08", method: .get)
            }
            simulator.setFault(Fault(mode: .garbage), for: TenantID("bonheiden")!)
            _ = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier", method: .get)
            simulator.setFault(Fault(mode: .reset), for: TenantID("gent")!)
            _ = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts", method: .get)
            _ = try await client.execute(uri: "/v1/citizens/85073009097/debts", method: .get)
            _ = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts", method: .get, authorization: nil)
            _ = try await client.execute(
                uri: "/v1/routing/registrations", method: .put,
                body: ByteBuffer(string: #"{"insz":"\#(DemoCitizens.wireframeINSZ)","ocmw":"gent","capacity":"LL","start":"2024-01-01"}"#))
        }
        let lines = logs.records.map(\.line)
        #expect(lines.count > 10, "the traffic was logged")
        #expect(lines.contains { $0.contains("/v1/citizens/{insz}/dossier") })
        let leaks = lines.flatMap(Self.nationalNumbers)
        #expect(leaks.isEmpty, "national numbers in the logs: \(leaks.count)")
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
