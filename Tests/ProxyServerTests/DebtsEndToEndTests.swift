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

    @Test func hungOCMWTimesOutWithinItsDeadlineAndTheOtherIsIntact() async throws {
        try await withProxyAndSimulator(totalTimeoutMs: 400) { client, simulator in
            simulator.setFault(Fault(mode: .hang), for: Self.bonheiden)
            let start = ContinuousClock.now
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            // Well under the 5 s request deadline: the tenant's own 400 ms timeout ended it.
            #expect(start.duration(to: .now) < .seconds(3))
            #expect(!answer.complete)
            let bonheiden = try #require(answer.ocmws.first { $0.ocmw.id == "bonheiden" })
            #expect(bonheiden.status == "timeout")
            #expect(bonheiden.debts == nil)
            let gent = try #require(answer.ocmws.first { $0.ocmw.id == "gent" })
            #expect(gent.status == "ok")
            #expect(gent.debts != nil)
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
