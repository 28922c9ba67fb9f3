import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// Which OCMWs are asked: the routing index first, discovery (with its caches) when it is empty.
@Suite struct RoutingAndDiscoveryTests {
    static let gent = TenantID("gent")!
    static let bonheiden = TenantID("bonheiden")!

    func served(_ simulator: NewSocialSimulator) -> (gent: Int, bonheiden: Int) {
        (simulator.statistics(for: Self.gent).requestsServed, simulator.statistics(for: Self.bonheiden).requestsServed)
    }

    @Test func unknownCitizenIsProbedOnceThenAnsweredFromTheNegativeCache() async throws {
        try await withProxyAndSimulator { client, simulator in
            let first = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(first.ocmws.isEmpty)
            #expect(served(simulator) == (1, 1))
            let second = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(second.ocmws.isEmpty)
            #expect(served(simulator) == (1, 1), "the negative answers were cached: no new probe")
        }
    }

    @Test func negativeAnswersExpireAfterTheirTTL() async throws {
        try await withProxyAndSimulator(discovery: .init(negativeTTL: .milliseconds(50), deadlineMs: testRequestDeadlineMs)) {
            client, simulator in
            _ = try await client.debts(DemoCitizens.unknownINSZ)
            try await Task.sleep(for: .milliseconds(120))
            _ = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(served(simulator) == (2, 2))
        }
    }

    @Test func discoveredDossierBecomesAnIndexRow() async throws {
        let index = InMemoryRoutingIndex()
        try await withProxyAndSimulator(index: index) { client, simulator in
            let first = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(first.ocmws.map(\.ocmw.id) == ["gent"])
            #expect(served(simulator) == (2, 1), "probe + debts at Gent, probe at Bonheiden")
            let insz = try INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)
            #expect(await index.lookup(insz: insz, on: testToday).map(\.tenant) == [Self.gent])
            _ = try await client.debts(DemoCitizens.wireframeINSZ)
            #expect(served(simulator) == (3, 1), "the index answered: only the debts call, no probe")
        }
    }

    @Test func indexedCitizenIsAskedOnlyWhereTheIndexSends() async throws {
        let index = InMemoryRoutingIndex()
        let insz = try INSZ(parsing: DemoCitizens.twoOCMWINSZ, currentYear: testCurrentYear)
        try await index.register(
            RoutingRegistration(
                insz: insz, tenant: Self.bonheiden, capacity: "LL",
                start: DayDate(year: 2024, month: 1, day: 1)!, end: nil))
        try await withProxyAndSimulator(index: index) { client, simulator in
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            #expect(answer.ocmws.map(\.ocmw.id) == ["bonheiden"])
            #expect(served(simulator) == (0, 1))
        }
    }

    /// A suspended OCMW that holds the citizen's dossier is listed as unavailable, with why, and
    /// not asked; the answer is not complete. (Left out, the citizen could not tell it from "no
    /// dossier there".)
    @Test func aSuspendedOCMWIsReportedUnavailableNotLeftOut() async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let registry = try TenantRegistry(
                validating: TenantsDocument(tenants: [
                    TestTenants.entry(id: "gent", dialect: .v2, port: ports[Self.gent] ?? 0, index: 0),
                    TestTenants.entry(id: "bonheiden", dialect: .v1, port: ports[Self.bonheiden] ?? 0, index: 1, state: .suspended),
                ]))
            let index = InMemoryRoutingIndex()
            for tenant in [Self.gent, Self.bonheiden] {
                try await index.register(
                    RoutingRegistration(
                        insz: INSZ(parsing: DemoCitizens.twoOCMWINSZ, currentYear: testCurrentYear), tenant: tenant,
                        capacity: "LL", start: DayDate(year: 2024, month: 1, day: 1)!, end: nil))
            }
            try await withProxy(registry: registry, index: index) { client in
                let response = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/debts", method: .get)
                #expect(response.status == .ok)
                let answer = try JSONDecoder().decode(DebtsAnswer.self, from: Data(buffer: response.body))
                #expect(answer.ocmws.map(\.ocmw.id).sorted() == ["bonheiden", "gent"])
                let bonheiden = try #require(answer.ocmws.first { $0.ocmw.id == "bonheiden" })
                #expect(bonheiden.status == "unavailable")
                #expect(bonheiden.reason?.contains("suspended") == true)
                #expect(answer.complete == false)
                #expect(served(simulator).bonheiden == 0, "a suspended OCMW is not asked")
            }
        }
    }

    @Test func expiredIndexRowsAreNotUsed() async throws {
        let index = InMemoryRoutingIndex()
        let insz = try INSZ(parsing: DemoCitizens.twoOCMWINSZ, currentYear: testCurrentYear)
        try await index.register(
            RoutingRegistration(
                insz: insz, tenant: Self.bonheiden, capacity: "LL",
                start: DayDate(year: 2020, month: 1, day: 1)!,
                end: testYesterday))
        try await withProxyAndSimulator(index: index, discovery: .init(enabled: false)) { client, simulator in
            let answer = try await client.debts(DemoCitizens.twoOCMWINSZ)
            #expect(answer.ocmws.isEmpty, "the only row ended yesterday and discovery is off")
            #expect(served(simulator) == (0, 0))
        }
    }

    @Test func probeFailureIsReportedNotCached() async throws {
        try await withProxyAndSimulator { client, simulator in
            simulator.setFault(Fault(mode: .reset), for: Self.bonheiden)
            let first = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(first.ocmws.map(\.ocmw.id) == ["bonheiden"])
            #expect(first.ocmws.first?.status == "unavailable")
            #expect(!first.complete)
            simulator.setFault(.none, for: Self.bonheiden)
            let probedWhileReset = served(simulator).bonheiden
            let second = try await client.debts(DemoCitizens.unknownINSZ)
            #expect(second.ocmws.isEmpty)
            #expect(second.complete)
            #expect(served(simulator).bonheiden == probedWhileReset + 1, "the failed probe was not cached: Bonheiden is asked again")
            #expect(served(simulator).gent == 1, "Gent's negative answer was cached")
        }
    }

    /// A New Social installation's token: the routing scope and `newsocial:<ocmw>` as client id.
    static func feedToken(_ security: TestSecurity, for ocmw: String) async throws -> String {
        "Bearer " + (try await security.token(scopes: ["ocmw.routing.write"], clientID: "newsocial:\(ocmw)"))
    }

    @Test func registrationFeedIsIdempotentAndRoutes() async throws {
        let index = InMemoryRoutingIndex()
        let security = try await TestSecurity()
        let feed = try await Self.feedToken(security, for: "bonheiden")
        try await withProxyAndSimulator(index: index, discovery: .init(enabled: false), security: security) { client, simulator in
            let body = #"{"insz":"\#(DemoCitizens.twoOCMWINSZ)","ocmw":"bonheiden","capacity":"LL","start":"2024-01-01"}"#
            for _ in 0..<2 {
                let put = try await client.execute(
                    uri: "/v1/routing/registrations", method: .put,
                    body: ByteBuffer(string: body), authorization: feed)
                #expect(put.status == .noContent)
            }
            #expect(await index.count() == 1)
            #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.map(\.ocmw.id) == ["bonheiden"])
            for _ in 0..<2 {
                let delete = try await client.execute(
                    uri: "/v1/routing/registrations", method: .delete,
                    body: ByteBuffer(string: body), authorization: feed)
                #expect(delete.status == .noContent)
            }
            #expect(await index.count() == 0)
            #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.isEmpty)
            #expect(served(simulator) == (0, 1))
        }
    }

    @Test func feedWritesAreSeenOnTheNextReadDespiteTheLookupCache() async throws {
        let security = try await TestSecurity()
        let feed = try await Self.feedToken(security, for: "bonheiden")
        try await withProxyAndSimulator(discovery: .init(enabled: false), security: security) { client, _ in
            #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.isEmpty, "nothing indexed: cached as empty")
            let body = #"{"insz":"\#(DemoCitizens.twoOCMWINSZ)","ocmw":"bonheiden","capacity":"LL","start":"2024-01-01"}"#
            let put = try await client.execute(
                uri: "/v1/routing/registrations", method: .put,
                body: ByteBuffer(string: body), authorization: feed)
            #expect(put.status == .noContent)
            #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.map(\.ocmw.id) == ["bonheiden"])
            let delete = try await client.execute(
                uri: "/v1/routing/registrations", method: .delete,
                body: ByteBuffer(string: body), authorization: feed)
            #expect(delete.status == .noContent)
            #expect(try await client.debts(DemoCitizens.twoOCMWINSZ).ocmws.isEmpty)
        }
    }

    @Test(arguments: [
        (#"{"insz":"85073009097","ocmw":"gent","capacity":"LL","start":"2024-01-01"}"#, 400),
        (#"{"insz":"85073003328","ocmw":"nowhere","capacity":"LL","start":"2024-01-01"}"#, 404),
        (#"{"insz":"85073003328","ocmw":"gent","capacity":"","start":"2024-01-01"}"#, 400),
        (#"{"insz":"85073003328","ocmw":"gent","capacity":"LL","start":"2024-02-30"}"#, 400),
        (#"{"insz":"85073003328","ocmw":"gent","capacity":"LL","start":"2024-02-01","end":"2024-01-01"}"#, 400),
        (#"not json"#, 400),
    ])
    func badRegistrationIsAProblem(body: String, status: Int) async throws {
        let security = try await TestSecurity()
        let feed = try await Self.feedToken(security, for: "gent")
        try await withProxyAndSimulator(security: security) { client, _ in
            let response = try await client.execute(
                uri: "/v1/routing/registrations", method: .put,
                body: ByteBuffer(string: body), authorization: feed)
            #expect(Int(response.status.code) == status)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func registrationByAnotherOCMWIsRefused() async throws {
        let index = InMemoryRoutingIndex()
        let security = try await TestSecurity()
        let bonheiden = try await Self.feedToken(security, for: "bonheiden")
        try await withProxyAndSimulator(index: index, security: security) { client, _ in
            // Authenticated as Bonheiden, registering a dossier for Gent.
            let body = ByteBuffer(string: #"{"insz":"85073003328","ocmw":"gent","capacity":"LL","start":"2024-01-01"}"#)
            let put = try await client.execute(uri: "/v1/routing/registrations", method: .put, body: body, authorization: bonheiden)
            #expect(put.status == .forbidden)
            let delete = try await client.execute(
                uri: "/v1/routing/registrations", method: .delete, body: body,
                authorization: bonheiden)
            #expect(delete.status == .forbidden)
            // A citizen-facing token (no OCMW in its client id) may not write the feed either.
            let mbp = try await client.execute(uri: "/v1/routing/registrations", method: .put, body: body)
            #expect(mbp.status == .forbidden)
            #expect(await index.count() == 0)
        }
    }
}
