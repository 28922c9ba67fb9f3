import Admission
import Testing

@Suite("Discovery and upload budgets")
struct BudgetTests {
    @Test("Discovery is bounded per client and in all; a place given back can be taken again")
    func discoveryBudget() {
        var budget = DiscoveryBudget<String>(maxInFlight: 3, maxPerClient: 2)
        #expect(Self.result(budget.take(client: "a")))
        #expect(Self.result(budget.take(client: "a")))
        #expect(!Self.result(budget.take(client: "a")))
        #expect(Self.result(budget.take(client: "b")))
        #expect(!Self.result(budget.take(client: "c")))
        budget.giveBack(client: "a")
        #expect(Self.result(budget.take(client: "c")))
        #expect(budget.inFlight == 3)
    }

    @Test("Giving back what was never taken changes nothing")
    func discoveryGiveBackWithoutTake() {
        var budget = DiscoveryBudget<String>(maxInFlight: 1, maxPerClient: 1)
        budget.giveBack(client: "x")
        #expect(budget.inFlight == 0)
        #expect(Self.result(budget.take(client: "x")))
        #expect(!Self.result(budget.take(client: "y")))
    }

    @Test("Upload bytes are capped in all, and released bytes can be reserved again")
    func uploadBudget() {
        var budget = UploadBudget(maxBytes: 100)
        #expect(Self.result(budget.reserve(60)))
        #expect(!Self.result(budget.reserve(41)))
        #expect(Self.result(budget.reserve(40)))
        budget.release(60)
        #expect(budget.reservedBytes == 40)
        #expect(Self.result(budget.reserve(60)))
        #expect(!Self.result(budget.reserve(1)))
    }

    /// A mutating call's result, outside `#expect` (which cannot mutate its operands).
    static func result(_ value: Bool) -> Bool { value }
}
