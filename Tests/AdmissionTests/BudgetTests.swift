import Admission
import Testing

@Suite("Discovery and upload budgets")
struct BudgetTests {
    @Test("Discovery is bounded per client and in all; a place given back can be taken again")
    func discoveryBudget() {
        var budget = DiscoveryBudget<String>(maxInFlight: 3, maxPerClient: 2)
        #expect(budget.take(client: "a"))
        #expect(budget.take(client: "a"))
        #expect(!budget.take(client: "a"))
        #expect(budget.take(client: "b"))
        #expect(!budget.take(client: "c"))
        budget.giveBack(client: "a")
        #expect(budget.take(client: "c"))
        #expect(budget.inFlight == 3)
    }

    @Test("Giving back what was never taken changes nothing")
    func discoveryGiveBackWithoutTake() {
        var budget = DiscoveryBudget<String>(maxInFlight: 1, maxPerClient: 1)
        budget.giveBack(client: "x")
        #expect(budget.inFlight == 0)
        #expect(budget.take(client: "x"))
        #expect(!budget.take(client: "y"))
    }

    @Test("Upload bytes are capped in all, and released bytes can be reserved again")
    func uploadBudget() {
        var budget = UploadBudget(maxBytes: 100)
        #expect(budget.reserve(60))
        #expect(!budget.reserve(41))
        #expect(budget.reserve(40))
        budget.release(60)
        #expect(budget.reservedBytes == 40)
        #expect(budget.reserve(60))
        #expect(!budget.reserve(1))
    }
}
