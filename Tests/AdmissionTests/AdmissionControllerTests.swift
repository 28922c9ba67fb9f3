import Admission
import Testing

@Suite("Admission at the door")
struct AdmissionControllerTests {
    typealias Controller = AdmissionController<TestInstant, Int, String>

    /// A door with a fixed limit (minimum = maximum), so only the queue and order are tested.
    static func door(limit: Int, queueSize: Int = 4) -> Controller {
        Controller(
            configuration: AdmissionConfiguration(
                limit: .init(minLimit: limit, maxLimit: limit, initialLimit: limit), queueSize: queueSize,
                maxQueueWait: .milliseconds(50), queueTarget: .milliseconds(5), queueInterval: .milliseconds(100)))
    }

    static func share(_ tenant: String, calls: Int = 1, weight: Double = 1, capacity: Int? = nil) -> [AdmissionShare<String>] {
        [AdmissionShare(key: tenant, calls: calls, weight: weight, capacity: capacity)]
    }

    @Test("Below the limit requests are admitted at once; past it they wait, then run as others finish")
    func limitThenQueue() {
        var door = Self.door(limit: 2)
        #expect(door.arrived(id: 1, priority: .read, shares: [], now: .ms(0)) == .admit)
        #expect(door.arrived(id: 2, priority: .read, shares: [], now: .ms(0)) == .admit)
        #expect(door.arrived(id: 3, priority: .read, shares: [], now: .ms(1)) == .enqueue(displaced: nil))
        #expect(door.inFlight == 2)
        #expect(door.queued == 1)
        #expect(door.finished(id: 1, latency: .milliseconds(10), now: .ms(10)) == .init(admit: [3]))
        #expect(door.inFlight == 2)
        #expect(door.queued == 0)
    }

    @Test("A full queue sheds the newcomer when it deserves its place no more than those waiting")
    func fullQueueShedsNewcomer() {
        var door = Self.door(limit: 1, queueSize: 2)
        #expect(door.arrived(id: 1, priority: .read, shares: [], now: .ms(0)) == .admit)
        #expect(door.arrived(id: 2, priority: .read, shares: [], now: .ms(0)) == .enqueue(displaced: nil))
        #expect(door.arrived(id: 3, priority: .read, shares: [], now: .ms(0)) == .enqueue(displaced: nil))
        #expect(door.arrived(id: 4, priority: .read, shares: [], now: .ms(0)) == .shed(.queueFull))
        #expect(door.lastShed == .ms(0))
    }

    @Test("A waiter that waited the queue's longest wait is shed")
    func queueTimeout() {
        var door = Self.door(limit: 1)
        _ = door.arrived(id: 1, priority: .read, shares: Self.share("gent"), now: .ms(0))
        _ = door.arrived(id: 2, priority: .read, shares: Self.share("gent"), now: .ms(0))
        #expect(door.expire(now: .ms(49)) == .init())
        #expect(door.expire(now: .ms(50)) == .init(shed: [.init(id: 2, reason: .queueTimeout, keys: ["gent"])]))
        #expect(door.queued == 0)
    }

    @Test("Once the queue has stood for an interval, waiters get only the target wait and the newest goes first")
    func standingQueueIsCoDelAndLIFO() {
        var door = Self.door(limit: 1, queueSize: 8)
        _ = door.arrived(id: 1, priority: .read, shares: [], now: .ms(0))
        _ = door.arrived(id: 2, priority: .read, shares: [], now: .ms(0))
        // The queue never empties: each finish admits the oldest while it drains normally.
        var id = 3
        for step in stride(from: 10, through: 90, by: 10) {
            _ = door.arrived(id: id, priority: .read, shares: [], now: .ms(step - 1))
            id += 1
            _ = door.finished(id: door.runningForTest, latency: .milliseconds(10), now: .ms(step))
        }
        #expect(!door.isQueueStanding(now: .ms(99)))
        _ = door.arrived(id: 100, priority: .read, shares: [], now: .ms(98))
        _ = door.arrived(id: 101, priority: .read, shares: [], now: .ms(99))
        #expect(door.isQueueStanding(now: .ms(100)))
        #expect(door.maxWait(now: .ms(100)) == .milliseconds(5))
        let decisions = door.finished(id: door.runningForTest, latency: .milliseconds(10), now: .ms(100))
        #expect(decisions.admit == [101])
        #expect(decisions.shed.map(\.reason) == [.queueTimeout])
    }

    @Test("Submissions are admitted before reads, and take a read's place in a full queue")
    func submissionsFirst() {
        var door = Self.door(limit: 1, queueSize: 1)
        _ = door.arrived(id: 1, priority: .read, shares: [], now: .ms(0))
        #expect(door.arrived(id: 2, priority: .read, shares: [], now: .ms(0)) == .enqueue(displaced: nil))
        #expect(door.arrived(id: 3, priority: .submission, shares: [], now: .ms(1)) == .enqueue(displaced: 2))
        #expect(door.arrived(id: 4, priority: .read, shares: [], now: .ms(1)) == .shed(.queueFull))
        #expect(door.finished(id: 1, latency: .milliseconds(1), now: .ms(2)).admit == [3])
    }

    @Test("Fair share: the OCMW holding the smaller weighted share of what runs is admitted first")
    func fairShare() {
        var door = Self.door(limit: 3, queueSize: 8)
        for id in 1...3 { _ = door.arrived(id: id, priority: .read, shares: Self.share("antwerpen"), now: .ms(0)) }
        _ = door.arrived(id: 4, priority: .read, shares: Self.share("antwerpen"), now: .ms(1))
        _ = door.arrived(id: 5, priority: .read, shares: Self.share("antwerpen"), now: .ms(1))
        _ = door.arrived(id: 6, priority: .read, shares: Self.share("gent"), now: .ms(2))
        #expect(door.finished(id: 1, latency: .milliseconds(5), now: .ms(3)).admit == [6])
        #expect(door.finished(id: 2, latency: .milliseconds(5), now: .ms(4)).admit == [4])
    }

    @Test("A surge of one OCMW fills the queue; another OCMW's request still displaces one of it")
    func surgeCannotTakeAnotherOCMWsPlace() {
        var door = Self.door(limit: 2, queueSize: 2)
        for id in 1...4 { _ = door.arrived(id: id, priority: .read, shares: Self.share("antwerpen"), now: .ms(0)) }
        #expect(door.arrived(id: 5, priority: .read, shares: Self.share("antwerpen"), now: .ms(1)) == .shed(.queueFull))
        #expect(door.arrived(id: 6, priority: .read, shares: Self.share("gent"), now: .ms(1)) == .enqueue(displaced: 4))
        #expect(door.finished(id: 1, latency: .milliseconds(5), now: .ms(2)).admit == [6])
    }

    @Test("Weights: an OCMW with weight 3 may hold three times the share of one with weight 1")
    func weightedShare() {
        var door = Self.door(limit: 4, queueSize: 8)
        for id in 1...3 { _ = door.arrived(id: id, priority: .read, shares: Self.share("gent", weight: 3), now: .ms(0)) }
        _ = door.arrived(id: 4, priority: .read, shares: Self.share("bonheiden"), now: .ms(0))
        _ = door.arrived(id: 5, priority: .read, shares: Self.share("bonheiden"), now: .ms(1))
        _ = door.arrived(id: 6, priority: .read, shares: Self.share("gent", weight: 3), now: .ms(2))
        // Once one of Gent's ends, Gent holds 2 of weight 3 (0.67) and Bonheiden 1 of weight 1: Gent's
        // waiter goes first, though Bonheiden's came earlier (with equal weights Gent's 2 > 1 would lose).
        #expect(door.finished(id: 1, latency: .milliseconds(5), now: .ms(3)).admit == [6])
        #expect(door.finished(id: 2, latency: .milliseconds(5), now: .ms(4)).admit == [5])
    }

    @Test("A request is not admitted while an OCMW it needs has no room for its calls; others pass it")
    func tenantCapacity() {
        var door = Self.door(limit: 10)
        #expect(door.arrived(id: 1, priority: .read, shares: Self.share("gent", calls: 7, capacity: 10), now: .ms(0)) == .admit)
        #expect(
            door.arrived(id: 2, priority: .read, shares: Self.share("gent", calls: 7, capacity: 10), now: .ms(0))
                == .enqueue(displaced: nil))
        #expect(door.arrived(id: 3, priority: .read, shares: Self.share("bonheiden", calls: 7, capacity: 10), now: .ms(0)) == .admit)
        #expect(door.finished(id: 1, latency: .milliseconds(5), now: .ms(1)).admit == [2])
    }

    @Test("An OCMW whose capacity is below one request's calls still gets one request at a time")
    func capacityBelowOneRequest() {
        var door = Self.door(limit: 10)
        #expect(door.arrived(id: 1, priority: .read, shares: Self.share("gent", calls: 7, capacity: 3), now: .ms(0)) == .admit)
        #expect(
            door.arrived(id: 2, priority: .read, shares: Self.share("gent", calls: 7, capacity: 3), now: .ms(0))
                == .enqueue(displaced: nil))
    }

    @Test("A waiter that goes away leaves the queue; a disabled door admits everything")
    func cancelAndDisabled() {
        var door = Self.door(limit: 1)
        _ = door.arrived(id: 1, priority: .read, shares: [], now: .ms(0))
        _ = door.arrived(id: 2, priority: .read, shares: [], now: .ms(0))
        #expect(Self.result(door.cancel(id: 2, now: .ms(1))))
        #expect(!Self.result(door.cancel(id: 2, now: .ms(1))))
        #expect(door.finished(id: 1, latency: nil, now: .ms(2)) == .init())
        var open = Controller(configuration: AdmissionConfiguration(enabled: false, limit: .init(minLimit: 1, maxLimit: 1)))
        for id in 1...100 {
            #expect(open.arrived(id: id, priority: .read, shares: Self.share("gent", calls: 7, capacity: 1), now: .ms(0)) == .admit)
        }
    }

    @Test("Latencies of finished requests adapt the limit: slow ones shrink it")
    func finishedAdaptsTheLimit() {
        var door = Controller(configuration: AdmissionConfiguration(limit: .init(minLimit: 2, maxLimit: 50, initialLimit: 20)))
        for id in 1...20 { _ = door.arrived(id: id, priority: .read, shares: [], now: .ms(0)) }
        _ = door.finished(id: 1, latency: .milliseconds(5), now: .ms(5))
        for id in 2...20 { _ = door.finished(id: id, latency: .milliseconds(500), now: .ms(500 + id)) }
        #expect(door.limit < 20)
    }
}

extension AdmissionControllerTests {
    /// A mutating call's result, outside `#expect` (which cannot mutate its operands).
    static func result(_ value: Bool) -> Bool { value }
}

extension AdmissionController where ID == Int {
    /// Some running request's id (tests that only need one to finish).
    var runningForTest: Int { runningIDs.min() ?? -1 }

}
