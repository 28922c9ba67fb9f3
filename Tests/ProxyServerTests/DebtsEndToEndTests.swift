import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// `GET /v1/citizens/{insz}/debts` through the real server, real curl and simulated OCMWs on
/// real sockets.
@Suite struct DebtsEndToEndTests {
    static let gent = TenantID("gent")!
    static let bonheiden = TenantID("bonheiden")!

    @Test(arguments: [(Dialect.v2, Dialect.v1), (.v1, .v2)])
    func wireframeCitizenHasTheWireframeTotals(gentDialect: Dialect, bonheidenDialect: Dialect) async throws {
        try await withProxyAndSimulator(gent: gentDialect, bonheiden: bonheidenDialect) { client, _ in
            let answer = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(answer.complete)
            #expect(answer.ocmws.map(\.ocmw.id) == ["gent"])
            let debts = try #require(answer.ocmws.first?.debts)
            #expect(debts.reference == "568974")
            #expect(debts.totals.originalCents == 297_196)
            #expect(debts.totals.outstandingCents == 272_196)
            #expect(debts.items.count == 6)
            #expect(!debts.items.contains { $0.description == "Speelpleinwerking" })
        }
    }

    /// "Contact schulden": the wireframe's debt file manager at Gent, Bonheiden's too, from
    /// either dialect.
    @Test(arguments: [(Dialect.v2, Dialect.v1), (.v1, .v2)])
    func theDebtsCarryTheirContact(gentDialect: Dialect, bonheidenDialect: Dialect) async throws {
        try await withProxyAndSimulator(gent: gentDialect, bonheiden: bonheidenDialect) { client, _ in
            let wireframe = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/debts")
            let debts = try #require((wireframe["ocmws"] as? [[String: Any]])?.first?["debts"] as? [String: Any])
            let contact = try #require(debts["contact"] as? [String: Any])
            #expect(contact["name"] as? String == "Frans Ferdinand")
            #expect(contact["role"] as? String == "Dossierbeheerder schulden")
            #expect(contact["phone"] as? String == "0475/885848")
            #expect((contact["office"] as? [String: Any])?["name"] as? String == "Dienst Financiën")
            let twoOCMW = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts")
            let names = ((twoOCMW["ocmws"] as? [[String: Any]]) ?? []).compactMap {
                (($0["debts"] as? [String: Any])?["contact"] as? [String: Any])?["name"] as? String
            }
            #expect(names == ["Dienst Financiën", "Koen Verstraeten"])
        }
    }

    @Test func paidOffDebtsOnlyWhenAskedAndNeverInTheTotals() async throws {
        try await withProxyAndSimulator { client, _ in
            let answer = try await client.debts(DemoCitizens.wireframeINSZ, query: "?includePaid=true")
            let debts = try #require(answer.ocmws.first?.debts)
            #expect(debts.items.count == 7)
            let paidOff = try #require(debts.items.first { $0.description == "Speelpleinwerking" })
            #expect(paidOff.originalCents == 6_200)
            #expect(paidOff.outstandingCents == 0)
            #expect(debts.totals.originalCents == 297_196)
            #expect(debts.totals.outstandingCents == 272_196)
        }
    }

    @Test func twoOCMWCitizenGetsOneEntryPerOCMW() async throws {
        try await withProxyAndSimulator { client, _ in
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            #expect(answer.complete)
            #expect(answer.ocmws.map(\.ocmw.id) == ["gent", "bonheiden"])
            #expect(answer.ocmws.allSatisfy { $0.status == "ok" && $0.debts != nil })
        }
    }

    /// The hung OCMW's own 400 ms timeout ends its call, not the request deadline: that deadline
    /// is ten minutes here, so without the tenant's timeout the answer would not come within the
    /// test's time limit. (How long the answer took is not judged: the machine may be busy.)
    @Test(.timeLimit(.minutes(2)))
    func hungOCMWTimesOutWithinItsOwnTimeoutAndTheOtherIsIntact() async throws {
        let index = InMemoryRoutingIndex()
        for tenant in [Self.gent, Self.bonheiden] {
            await index.register(try IsolationTests.registration(DemoCitizens.twoOCMWINSZ, tenant.rawValue))
        }
        try await withProxyAndSimulator(
            bonheidenLimits: hangingTenantLimits, index: index,
            requestDeadlineMs: 600_000
        ) { client, simulator in
            simulator.setFault(Fault(mode: .hang), for: Self.bonheiden)
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            #expect(!answer.complete)
            let bonheiden = try #require(answer.ocmws.first { $0.ocmw.id == "bonheiden" })
            #expect(bonheiden.status == "timeout")
            #expect(bonheiden.debts == nil)
            #expect(simulator.statistics(for: Self.bonheiden).requestsServed >= 1, "the call reached Bonheiden and hung there")
            let gent = try #require(answer.ocmws.first { $0.ocmw.id == "gent" })
            #expect(gent.status == "ok")
            #expect(gent.debts != nil)
        }
    }

    @Test func answerWithAnotherCitizensRecordsIsAnErrorAndNothingOfItIsPassedOn() async throws {
        try await withProxyAndSimulator { client, simulator in
            _ = try await client.debts(DemoCitizens.twoOCMWINSZ)  // the index learns both OCMWs by discovery
            simulator.setFault(Fault(mode: .otherCitizen), for: Self.bonheiden)
            let response = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier", method: .get)
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            let answer = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            let ocmws = try #require(answer?["ocmws"] as? [[String: Any]])
            let bonheiden = try #require(ocmws.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "bonheiden" })
            let parts = try #require(bonheiden["parts"] as? [String: [String: Any]])
            let served = parts.filter { $0.value["status"] as? String != "notSupported" }
            #expect(!served.isEmpty)
            #expect(served.values.allSatisfy { $0["status"] as? String == "error" }, "every part of Bonheiden refused")
            #expect(answer?["complete"] as? Bool == false)
            let gent = try #require(ocmws.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "gent" })
            #expect(gent["complete"] as? Bool == true)
            // Not one national number in the answer but the one asked for.
            let numbers = Set(ErrorAnswerTests.nationalNumbers(in: body))
            #expect(numbers.isSubset(of: [DemoCitizens.twoOCMWINSZ]), "found \(numbers)")
        }
    }

    @Test(arguments: [
        (Fault(mode: .garbage), "error"),
        (Fault(mode: .reset), "unavailable"),
        (Fault(errorRate: 1), "unavailable"),
    ])
    func sickOCMWIsReportedAndTheOtherIsIntact(fault: Fault, expected: String) async throws {
        try await withProxyAndSimulator { client, simulator in
            simulator.setFault(fault, for: Self.bonheiden)
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            #expect(!answer.complete)
            #expect(answer.ocmws.first { $0.ocmw.id == "bonheiden" }?.status == expected)
            let gent = try #require(answer.ocmws.first { $0.ocmw.id == "gent" })
            #expect(gent.status == "ok")
            #expect(gent.debts?.items.isEmpty == false)
        }
    }

    @Test func downOCMWIsListedEvenForACitizenNobodyElseKnows() async throws {
        try await withProxyAndSimulator { client, simulator in
            simulator.setFault(Fault(mode: .reset), for: Self.bonheiden)
            let answer = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(!answer.complete)
            #expect(answer.ocmws.map(\.ocmw.id) == ["bonheiden"])
        }
    }

    @Test func citizenNobodyKnowsGetsAnEmptyList() async throws {
        try await withProxyAndSimulator { client, _ in
            let answer = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(answer.complete)
            #expect(answer.ocmws.isEmpty)
        }
    }
}
