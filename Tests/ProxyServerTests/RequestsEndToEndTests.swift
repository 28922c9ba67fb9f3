import Foundation
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import Testing

/// The citizen's requests as the wireframe draws them: with their case worker, and a year at a
/// time with the years to navigate ("< 2022 >"). Both dialects.
@Suite struct RequestsEndToEndTests {
    static let requests = "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests"

    static func gentRequests(_ json: [String: Any]) throws -> [[String: Any]] {
        let entry = try #require((json["ocmws"] as? [[String: Any]])?.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "gent" })
        return try #require(entry["requests"] as? [[String: Any]])
    }

    @Test(arguments: [Dialect.v2, .v1])
    func requestsCarryTheirCaseWorkerWhenTheOCMWNamesOne(dialect: Dialect) async throws {
        try await withProxyAndSimulator(gent: dialect) { client, _ in
            let listed = try Self.gentRequests(try await client.json(Self.requests))
            let byNumber = Dictionary(grouping: listed) { $0["dossierNumber"] as? String ?? "" }
            for request in (byNumber["2023/155"] ?? []) + (byNumber["2023/034"] ?? []) {
                let worker = try #require(request["caseWorker"] as? [String: Any], "\(request)")
                #expect(worker["name"] as? String == "Inge Claus")
                #expect(worker["role"] as? String == "maatschappelijk werker")
                #expect(worker["phone"] as? String == "0475/895742")
                #expect(worker["email"] as? String == "inge.claus@ocmw.gent")
                #expect((worker["office"] as? [String: Any])?["name"] as? String == "Welzijnsbureau Sint-Amandsberg")
            }
            #expect(byNumber["2023/155"]?.count == 2)
            // The closed budget guidance names none: absent, not empty.
            let closed = try #require(byNumber["2022/412"]?.first)
            #expect(closed["caseWorker"] == nil)
        }
    }

    @Test(arguments: [Dialect.v2, .v1])
    func requestsOfOneYearWithTheYearsThatHaveRequests(dialect: Dialect) async throws {
        try await withProxyAndSimulator(gent: dialect) { client, _ in
            let all = try await client.json(Self.requests)
            #expect(all["years"] as? [Int] == [2022, 2023])
            #expect(try Self.gentRequests(all).count == 4)

            let of2022 = try await client.json(Self.requests + "?year=2022")
            #expect(of2022["years"] as? [Int] == [2022, 2023], "the navigation stays whole")
            #expect(try Self.gentRequests(of2022).map { $0["dossierNumber"] as? String } == ["2022/412"])
            let of2023 = try await client.json(Self.requests + "?year=2023")
            #expect(try Self.gentRequests(of2023).count == 3)
            #expect(try Self.gentRequests(try await client.json(Self.requests + "?year=2021")).isEmpty)
            // The dossier carries the same years; a part without requests does not.
            let dossier = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/dossier?year=2022")
            #expect(dossier["years"] as? [Int] == [2022, 2023])
            #expect(try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts")["years"] == nil)
        }
    }

    @Test(arguments: ["22", "20222", "abcd", "0999", "", "2022.0"])
    func anInvalidYearIsAProblem(year: String) async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(uri: Self.requests + "?year=\(year)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect((body["detail"] as? String)?.contains("year") == true, "\(body)")
        }
    }
}
