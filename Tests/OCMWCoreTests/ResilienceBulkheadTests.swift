import OCMWCore
import Testing

@Suite("Bulkhead: in-flight cap with a short FIFO wait queue")
struct ResilienceBulkheadTests {
    typealias Bulkhead = OCMWCore.Bulkhead<FakeInstant, String>
    typealias Action = Bulkhead.AcquireAction

    static func bulkhead(maxInFlight: Int = 2, queueSize: Int = 2, maxWaitMs: Int = 100) -> Bulkhead {
        Bulkhead(configuration: .init(maxInFlight: maxInFlight, queueSize: queueSize, maxWait: .milliseconds(maxWaitMs)))
    }

    struct Admission: Sendable, CustomTestStringConvertible {
        let maxInFlight: Int
        let queueSize: Int
        let expected: [Action]
        var testDescription: String { "\(maxInFlight) in flight, queue of \(queueSize)" }
    }

    static let admissions: [Admission] = [
        .init(
            maxInFlight: 2, queueSize: 2,
            expected: [
                .enter, .enter, .enqueue(deadline: .ms(100)),
                .enqueue(deadline: .ms(100)), .reject(.queueFull),
            ]),
        .init(
            maxInFlight: 1, queueSize: 0,
            expected: [
                .enter, .reject(.queueFull), .reject(.queueFull),
                .reject(.queueFull), .reject(.queueFull),
            ]),
        .init(maxInFlight: 4, queueSize: 1, expected: [.enter, .enter, .enter, .enter, .enqueue(deadline: .ms(100))]),
    ]

    @Test(
        "Five callers at once: enter up to the cap, queue up to the queue size, reject the rest",
        arguments: admissions)
    func admitsQueuesRejects(_ admission: Admission) {
        var bulkhead = Self.bulkhead(maxInFlight: admission.maxInFlight, queueSize: admission.queueSize)
        let actions = ["a", "b", "c", "d", "e"].map { bulkhead.acquire(id: $0, now: .zero) }
        #expect(actions == admission.expected)
        #expect(bulkhead.rejectedCount == admission.expected.filter { $0 == .reject(.queueFull) }.count)
    }

    @Test("Releases admit waiters in FIFO order, one slot each")
    func releaseAdmitsInOrder() {
        var bulkhead = Self.bulkhead(maxInFlight: 1, queueSize: 3)
        for id in ["a", "b", "c", "d"] { _ = bulkhead.acquire(id: id, now: .ms(10)) }
        #expect(bulkhead.release(now: .ms(20)) == .init(admit: ["b"]))
        #expect(bulkhead.release(now: .ms(30)) == .init(admit: ["c"]))
        #expect(bulkhead.release(now: .ms(40)) == .init(admit: ["d"]))
        #expect(bulkhead.inFlight == 1)
        #expect(bulkhead.release(now: .ms(50)) == .init())
        #expect(bulkhead.inFlight == 0)
        #expect(bulkhead.acquire(id: "e", now: .ms(60)) == .enter)
    }

    @Test("A newcomer does not overtake the queue")
    func newcomerQueuesBehindWaiters() {
        var bulkhead = Self.bulkhead(maxInFlight: 1, queueSize: 2)
        _ = bulkhead.acquire(id: "a", now: .zero)
        _ = bulkhead.acquire(id: "b", now: .zero)
        #expect(bulkhead.acquire(id: "c", now: .ms(5)) == .enqueue(deadline: .ms(105)))
        #expect(bulkhead.acquire(id: "b", now: .ms(6)) == .reject(.alreadyQueued))
        #expect(bulkhead.release(now: .ms(7)).admit == ["b"])
    }

    @Test("Waiters expire in FIFO order once they have waited maxWait, not before")
    func expiresInOrder() {
        var bulkhead = Self.bulkhead(maxInFlight: 1, queueSize: 3)
        _ = bulkhead.acquire(id: "a", now: .zero)
        _ = bulkhead.acquire(id: "b", now: .zero)
        _ = bulkhead.acquire(id: "c", now: .ms(50))
        #expect(bulkhead.nextDeadline == .ms(100))
        #expect(bulkhead.expire(now: .ms(99)) == [])
        #expect(bulkhead.expire(now: .ms(100)) == ["b"])
        #expect(bulkhead.nextDeadline == .ms(150))
        #expect(bulkhead.expire(now: .ms(200)) == ["c"])
        #expect(bulkhead.queued == 0)
        #expect(bulkhead.expiredCount == 2)
    }

    @Test("A release hands the slot to the oldest waiter still in time and reports the late ones")
    func releaseSkipsExpiredWaiters() {
        var bulkhead = Self.bulkhead(maxInFlight: 1, queueSize: 3)
        _ = bulkhead.acquire(id: "a", now: .zero)
        _ = bulkhead.acquire(id: "b", now: .zero)
        _ = bulkhead.acquire(id: "c", now: .ms(50))
        #expect(bulkhead.release(now: .ms(120)) == .init(admit: ["c"], expired: ["b"]))
        #expect(bulkhead.inFlight == 1)
    }

    @Test("A cancelled waiter leaves the queue; the next release admits the one behind it")
    func cancelRemovesWaiter() {
        var bulkhead = Self.bulkhead(maxInFlight: 1, queueSize: 2)
        _ = bulkhead.acquire(id: "a", now: .zero)
        _ = bulkhead.acquire(id: "b", now: .zero)
        _ = bulkhead.acquire(id: "c", now: .zero)
        let cancellations = [bulkhead.cancel(id: "b"), bulkhead.cancel(id: "b"), bulkhead.cancel(id: "a")]
        // Cancelling twice finds nothing; an admitted caller ("a") releases instead.
        #expect(cancellations == [true, false, false])
        #expect(bulkhead.release(now: .ms(10)).admit == ["c"])
    }
}
