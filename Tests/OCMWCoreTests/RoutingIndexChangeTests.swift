import OCMWCore
import Testing

@Suite("Routing index changes announced between instances")
struct RoutingIndexChangeTests {
    static let citizen = try! INSZ(parsing: "85073003328", currentYear: 2026)

    @Test(
        "Each change reads back from its announcement",
        arguments: [
            RoutingIndexChange.registered(citizen, tenant: TenantID("gent")!), .unregistered(citizen), .everything,
        ])
    func roundTrip(change: RoutingIndexChange) {
        #expect(RoutingIndexChange(payload: change.payload, currentYear: 2026) == change)
    }

    @Test(
        "Anything unreadable counts as everything (the safe reading)",
        arguments: ["", "r", "r 85073003328", "r 85073003328 Gent!", "u 12345678901", "x 85073003328", "u 85073003328 extra", "*x"])
    func unreadableMeansEverything(payload: String) {
        #expect(RoutingIndexChange(payload: payload, currentYear: 2026) == .everything)
    }

    @Test("The announcement carries the number's digits, not its redacted description")
    func payloadCarriesDigits() {
        #expect(RoutingIndexChange.unregistered(Self.citizen).payload == "u 85073003328")
    }
}
