import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// `/v1/citizens/{insz}/dossier` and the per-part routes, end to end over real sockets.
@Suite struct DossierEndToEndTests {
    static let partNames = ["ocmws", "rights", "trajectories", "payments", "debts", "requests", "certificates"]

    @Test func twoOCMWCitizenGetsEveryPartOfBothInOneCall() async throws {
        try await withProxyAndSimulator { client, simulator in
            let json = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier")
            let ocmws = try #require(json["ocmws"] as? [[String: Any]])
            #expect(ocmws.compactMap { ($0["ocmw"] as? [String: Any])?["id"] as? String } == ["gent", "bonheiden"])
            for ocmw in ocmws {
                let parts = try #require(ocmw["parts"] as? [String: [String: Any]])
                #expect(Set(parts.keys) == Set(Self.partNames))
            }
            try #require(ocmws.count == 2)
            let gentParts = try #require(ocmws[0]["parts"] as? [String: [String: Any]])
            #expect(gentParts.values.allSatisfy { $0["status"] as? String == "ok" })
            // Bonheiden speaks v1, which has no certificates API: not supported, not an error.
            let bonheidenParts = try #require(ocmws[1]["parts"] as? [String: [String: Any]])
            #expect(bonheidenParts["certificates"]?["status"] as? String == "notSupported")
            #expect(bonheidenParts.filter { $0.key != "certificates" }.values.allSatisfy { $0["status"] as? String == "ok" })
            #expect(json["complete"] as? Bool == true)
            // Discovery probes (one per tenant) plus 7 parts at Gent and 6 at Bonheiden.
            let served =
                simulator.statistics(for: TenantID("gent")!).requestsServed
                + simulator.statistics(for: TenantID("bonheiden")!).requestsServed
            #expect(served == 2 + 7 + 6)
        }
    }

    @Test func sickPartIsReportedPerPartAndTheRestStays() async throws {
        try await withProxyAndSimulator(bonheidenLimits: hangingTenantLimits) { client, simulator in
            _ = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/ocmws")  // index warmed by discovery
            simulator.setFault(Fault(mode: .hang), for: TenantID("bonheiden")!)
            let json = try await client.json("/v1/citizens/\(DemoCitizens.twoOCMWINSZ)/dossier")
            #expect(json["complete"] as? Bool == false)
            let ocmws = try #require(json["ocmws"] as? [[String: Any]])
            let bonheiden = try #require(ocmws.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "bonheiden" })
            let parts = try #require(bonheiden["parts"] as? [String: [String: Any]])
            #expect(parts["debts"]?["status"] as? String == "timeout")
            #expect(parts["certificates"]?["status"] as? String == "notSupported")
            #expect(bonheiden["complete"] as? Bool == false)
            let gent = try #require(ocmws.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "gent" })
            #expect(gent["complete"] as? Bool == true)
        }
    }

    @Test func wireframePaymentsAreGroupedWithTheirStatuses() async throws {
        try await withProxyAndSimulator { client, _ in
            let json = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/payments?from=2023-08&to=2023-08")
            let entry = try #require((json["ocmws"] as? [[String: Any]])?.first)
            let payments = try #require(entry["payments"] as? [String: Any])
            let paidToYou = try #require(payments["paidToYou"] as? [[String: Any]])
            let paidForYou = try #require(payments["paidForYou"] as? [[String: Any]])
            let notPaid = try #require(payments["notPaid"] as? [[String: Any]])
            #expect(paidToYou.map { $0["amountCents"] as? Int } == [45_000])
            #expect(Set(paidForYou.compactMap { $0["amountCents"] as? Int }) == [2_500, 13_025, 5_543])
            #expect(Set(paidForYou.compactMap { $0["paidTo"] as? String }) == ["OCMW Gent", "Engie", "AZ Jan Palfijn"])
            let statuses = Dictionary(
                uniqueKeysWithValues: notPaid.compactMap { item -> (Int, String)? in
                    guard let cents = item["amountCents"] as? Int, let status = item["status"] as? String else { return nil }
                    return (cents, status)
                })
            #expect(statuses == [33_956: "inPayment", 15_845: "notPaid", 58_986: "notPaid"])
        }
    }

    @Test func wireframeContactsArriveWithTheirTrajectories() async throws {
        try await withProxyAndSimulator { client, _ in
            let json = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/trajectories")
            let entry = try #require((json["ocmws"] as? [[String: Any]])?.first)
            let trajectories = try #require(entry["trajectories"] as? [[String: Any]])
            let contacts = trajectories.flatMap { ($0["contacts"] as? [[String: Any]]) ?? [] }
            let byName = Dictionary(contacts.map { (($0["name"] as? String) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byName["Inge Claus"]?["phone"] as? String == "0475/895742")
            #expect(byName["Bart Van Brabant"]?["email"] as? String == "bart.vanbrabant@ocmw.gent")
            #expect((byName["Frans Ferdinand"]?["office"] as? [String: Any])?["streetAndNumber"] as? String == "Franklin Rooseveltlaan 1")
        }
    }

    @Test func availableCertificateLinksToItsPDF() async throws {
        try await withProxyAndSimulator { client, _ in
            let json = try await client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates")
            let entry = try #require((json["ocmws"] as? [[String: Any]])?.first)
            let certificates = try #require(entry["certificates"] as? [[String: Any]])
            let link = try #require(certificates.compactMap { $0["download"] as? String }.first)
            let response = try await client.execute(uri: link, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(String(buffer: response.body).hasPrefix("%PDF-"))
        }
    }

    /// Only months that ended are served: the current one is refused.
    static let thisMonth = CalendarMonth(containing: testToday)

    @Test(arguments: [
        "months=0", "months=25", "months=x", "from=2023-08", "from=2023-13&to=2023-08",
        "from=\(DossierEndToEndTests.thisMonth.adding(months: -1)!)&to=\(DossierEndToEndTests.thisMonth)", "from=2023-09&to=2023-08",
        "months=2&from=2023-01&to=2023-02",
    ])
    func invalidPaymentWindowIsABadRequest(query: String) async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await client.execute(uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/payments?\(query)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func catalogueListsActiveOCMWsWithTheirCodeTables() async throws {
        try await withProxyAndSimulator { client, _ in
            let json = try await client.json("/v1/ocmws")
            let ocmws = try #require(json["ocmws"] as? [[String: Any]])
            #expect(ocmws.compactMap { $0["id"] as? String } == ["gent", "bonheiden"])
            let categories = try #require(ocmws.first?["categoriesOfHelp"] as? [[String: Any]])
            #expect(categories.first?["code"] as? String == "LL")
        }
    }
}
