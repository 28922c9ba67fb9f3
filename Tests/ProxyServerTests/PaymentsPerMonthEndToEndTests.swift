import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// `GET /v1/citizens/{insz}/payments`: the past window month by month ("Betalingen augustus")
/// and the planned payments of the current and next two months, from both dialects.
@Suite struct PaymentsPerMonthEndToEndTests {
    static let current = CalendarMonth(containing: testToday)

    static func payments(_ client: AuthorizedClient, _ insz: String, _ query: String = "") async throws -> [String: [String: Any]] {
        let json = try await client.json("/v1/citizens/\(insz)/payments\(query)")
        let entries = try #require(json["ocmws"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: entries.compactMap { entry in
                guard let id = (entry["ocmw"] as? [String: Any])?["id"] as? String,
                    let payments = entry["payments"] as? [String: Any]
                else { return nil }
                return (id, payments)
            })
    }

    static func amounts(_ month: [String: Any], _ group: String) -> [Int] {
        ((month[group] as? [[String: Any]]) ?? []).compactMap { $0["amountCents"] as? Int }
    }

    /// Gent and Bonheiden each plan payments; whichever dialect each speaks, they arrive as
    /// `upcoming`, one entry per month from the current one, planned ones "in payment".
    @Test(arguments: [(Dialect.v2, Dialect.v1), (.v1, .v2)])
    func upcomingPaymentsComePerMonthFromBothDialects(gent: Dialect, bonheiden: Dialect) async throws {
        try await withProxyAndSimulator(gent: gent, bonheiden: bonheiden) { client, simulator in
            let answer = try await Self.payments(client, DemoCitizens.twoOCMWINSZ)
            let months = [0, 1, 2].compactMap { Self.current.adding(months: $0)?.iso8601 }
            for id in ["gent", "bonheiden"] {
                let upcoming = try #require(answer[id]?["upcoming"] as? [String: Any], "\(id)")
                #expect(upcoming["months"] as? [String: String] == ["from": months[0], "to": months[2]])
                let perMonth = try #require(upcoming["perMonth"] as? [[String: Any]])
                #expect(perMonth.compactMap { $0["month"] as? String } == months)
            }
            let gentNext = try #require((answer["gent"]?["upcoming"] as? [String: Any])?["perMonth"] as? [[String: Any]])[1]
            #expect(Self.amounts(gentNext, "notPaid") == [126_412])
            #expect((gentNext["notPaid"] as? [[String: Any]])?.first?["status"] as? String == "inPayment")
            let bonheidenNext = try #require(
                (answer["bonheiden"]?["upcoming"] as? [String: Any])?["perMonth"] as? [[String: Any]])[1]
            #expect((bonheidenNext["notPaid"] as? [[String: Any]])?.first?["paidTo"] as? String == "Fluvius")
            #expect(Self.amounts(bonheidenNext, "notPaid") == [25_000])
            // One call per OCMW brought past and upcoming months (and one discovery probe each).
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 2)
        }
    }

    /// A window back in time is history: months apart, and no upcoming payments.
    @Test(arguments: [Dialect.v2, .v1])
    func aPastWindowComesMonthByMonthWithoutUpcoming(gent: Dialect) async throws {
        try await withProxyAndSimulator(gent: gent, bonheiden: gent == .v2 ? .v1 : .v2) { client, _ in
            let answer = try #require(try await Self.payments(client, DemoCitizens.wireframeINSZ, "?from=2023-07&to=2023-09")["gent"])
            #expect(answer["upcoming"] == nil)
            let perMonth = try #require(answer["perMonth"] as? [[String: Any]])
            #expect(perMonth.compactMap { $0["month"] as? String } == ["2023-07", "2023-08", "2023-09"])
            #expect(Self.amounts(perMonth[0], "paidToYou").isEmpty && Self.amounts(perMonth[2], "paidForYou").isEmpty)
            let august = perMonth[1]
            #expect(Self.amounts(august, "paidToYou") == [45_000])
            #expect(Set(Self.amounts(august, "paidForYou")) == [2_500, 13_025, 5_543])
            #expect(Set(Self.amounts(august, "notPaid")) == [33_956, 15_845, 58_986])
            // The window's groups, all months together, as before.
            #expect(Self.amounts(answer, "paidToYou") == [45_000])
        }
    }

    /// The wireframe citizen's planned leefloon and energy deduction, this month and next.
    @Test func theWireframeCitizenSeesWhatGentPlanned() async throws {
        try await withProxyAndSimulator { client, _ in
            let answer = try #require(try await Self.payments(client, DemoCitizens.wireframeINSZ)["gent"])
            let perMonth = try #require((answer["upcoming"] as? [String: Any])?["perMonth"] as? [[String: Any]])
            try #require(perMonth.count == 3)
            for month in perMonth[0...1] {
                #expect(Set(Self.amounts(month, "notPaid")) == [78_956, 13_025])
            }
            #expect(Self.amounts(perMonth[2], "notPaid").isEmpty)
            // Past months: the three before the current one, each listed, none with payments.
            let past = try #require(answer["perMonth"] as? [[String: Any]])
            #expect(past.count == 3 && past.allSatisfy { Self.amounts($0, "notPaid").isEmpty })
        }
    }
}
