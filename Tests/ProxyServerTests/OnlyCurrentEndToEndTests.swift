import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// §4.2, only what is current: rights and trajectories that ended are left out, unless
/// `include=ended` asks for them, marked `ended`. Pieter De Smet's Bonheiden right and budget
/// guidance ended in 2023; his Gent leefloon and trajectory run.
@Suite struct OnlyCurrentEndToEndTests {
    static func parts(_ client: AuthorizedClient, _ part: String, _ query: String = "") async throws -> [String: Any] {
        let json = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/\(part)\(query)")
        let entries = try #require(json["ocmws"] as? [[String: Any]])
        var result: [String: Any] = [:]
        for entry in entries {
            if let id = (entry["ocmw"] as? [String: Any])?["id"] as? String { result[id] = entry[part] }
        }
        return result
    }

    static func rights(_ value: Any?) -> [[String: Any]] { ((value as? [String: Any])?["granted"] as? [[String: Any]]) ?? [] }

    @Test(arguments: [(Dialect.v2, Dialect.v1), (.v1, .v2)])
    func endedRightsAndTrajectoriesOnlyWhenAskedAndThenMarked(gent: Dialect, bonheiden: Dialect) async throws {
        try await withProxyAndSimulator(gent: gent, bonheiden: bonheiden) { client, _ in
            let rights = try await Self.parts(client, "rights")
            #expect(Self.rights(rights["gent"]).compactMap { $0["code"] as? String } == ["LL"])
            #expect(Self.rights(rights["gent"]).allSatisfy { $0["ended"] == nil })
            #expect(Self.rights(rights["bonheiden"]).isEmpty, "the right that ended in 2023 is not current")
            let trajectories = try await Self.parts(client, "trajectories")
            #expect((trajectories["gent"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == ["Leefloon"])
            #expect((trajectories["bonheiden"] as? [[String: Any]])?.isEmpty == true)

            let allRights = try await Self.parts(client, "rights", "?include=ended")
            let ended = Self.rights(allRights["bonheiden"])
            #expect(ended.compactMap { $0["code"] as? String } == ["AFH"])
            #expect(ended.first?["ended"] as? Bool == true)
            #expect(Self.rights(allRights["gent"]).first?["ended"] == nil, "a current right is not marked")
            let allTrajectories = try await Self.parts(client, "trajectories", "?include=ended")
            let budget = try #require((allTrajectories["bonheiden"] as? [[String: Any]])?.first)
            #expect(budget["label"] as? String == "Budgetbegeleiding" && budget["ended"] as? Bool == true)
            #expect(budget["until"] as? String == "2023-02-28")
        }
    }

    @Test func theDossierAnswerTakesTheParameterToo() async throws {
        try await withProxyAndSimulator { client, _ in
            let json = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier?include=ended")
            let bonheiden = try #require(
                (json["ocmws"] as? [[String: Any]])?.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "bonheiden" })
            let parts = try #require(bonheiden["parts"] as? [String: [String: Any]])
            #expect(Self.rights(parts["rights"]?["data"]).first?["ended"] as? Bool == true)
        }
    }

    @Test(arguments: ["include=all", "include=", "include=ENDED", "include=ended,paid"])
    func anotherValueIsABadRequest(query: String) async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/rights?\(query)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: response.body).contains("include: expected ended"))
        }
    }
}
