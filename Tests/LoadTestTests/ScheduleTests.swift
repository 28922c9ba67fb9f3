import Testing

@testable import LoadTest

@Suite("Schedule: intended send times of an open model")
struct ScheduleTests {
    @Test("Arrivals are one every 1/rate seconds from the start of their phase")
    func intendedTimes() {
        let arrivals = Array(ArrivalSchedule(scenario(rate: 4, duration: 1)))
        #expect(arrivals.map(\.offsetSeconds) == [0, 0.25, 0.5, 0.75])
        #expect(arrivals.map(\.index) == [0, 1, 2, 3])
        #expect(arrivals.allSatisfy { $0.measured })
    }

    @Test("The warm-up runs at the first phase's rate before it and is not measured")
    func warmup() {
        let schedule = ArrivalSchedule(scenario(rate: 2, duration: 2, warmup: 1))
        let arrivals = Array(schedule)
        #expect(schedule.segments.map(\.name) == ["warm-up", "p"])
        #expect(arrivals.map(\.offsetSeconds) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(arrivals.map(\.measured) == [false, false, true, true, true, true])
        #expect(schedule.measuredCount == 4)
        #expect(schedule.totalCount == 6)
    }

    @Test("Rate steps follow each other; a phase's settle time is sent but not measured")
    func stepsAndSettle() {
        var steps = scenario(rate: 2, duration: 1)
        steps.phases.append(.init(name: "fast", rate: 4, durationSeconds: 1, settleSeconds: 0.5))
        let arrivals = Array(ArrivalSchedule(steps))
        #expect(arrivals.map(\.offsetSeconds) == [0, 0.5, 1, 1.25, 1.5, 1.75])
        #expect(arrivals.map(\.segment) == [0, 0, 1, 1, 1, 1])
        #expect(arrivals.map(\.measured) == [true, true, false, false, true, true])
    }

    @Test("Early: wait for the intended time; late: send at once and say how late")
    func pacing() {
        #expect(Pacing.decide(intendedSeconds: 2, nowSeconds: 1.5) == .wait(seconds: 0.5))
        #expect(Pacing.decide(intendedSeconds: 2, nowSeconds: 2) == .sendNow(lateSeconds: 0))
        #expect(Pacing.decide(intendedSeconds: 2, nowSeconds: 2.25) == .sendNow(lateSeconds: 0.25))
    }

    @Test("A sender that fell behind catches up: every arrival goes at once, each keeping its own intended time")
    func catchUp() {
        // The sender stalled until 1.0 s: the four arrivals of the first second are all due.
        let now = 1.0
        let decisions = ArrivalSchedule(scenario(rate: 4, duration: 2)).prefix(6)
            .map { Pacing.decide(intendedSeconds: $0.offsetSeconds, nowSeconds: now) }
        #expect(
            decisions == [
                .sendNow(lateSeconds: 1), .sendNow(lateSeconds: 0.75), .sendNow(lateSeconds: 0.5),
                .sendNow(lateSeconds: 0.25), .sendNow(lateSeconds: 0), .wait(seconds: 0.25),
            ])
    }

    @Test("Latency runs from the intended send time, not from the (late) actual send")
    func latencyFromIntendedTime() {
        let sample = Sample(
            endpoint: .dossier, tenants: [.id("gent")], segment: 0, measured: true, intendedSeconds: 1.0,
            sentSeconds: 1.5, completedSeconds: 1.6, outcome: .ok)
        #expect(sample.latencyMicroseconds == 600_000)
        #expect(OpenModelLatency.microseconds(intendedSeconds: 2, completedSeconds: 1.9) == 0)
    }

    @Test("The in-flight cap hands out its slots and takes them back")
    func slots() async {
        let slots = SendSlots(limit: 2)
        await slots.acquire()
        await slots.acquire()
        #expect(slots.inUse.free == 0)
        slots.release()
        #expect(slots.inUse.free == 1)
        await slots.acquire()
        #expect(slots.inUse.free == 0)
    }

    @Test("With every slot taken a send waits, and a released slot goes to the waiting send")
    func slotWaits() async {
        let slots = SendSlots(limit: 1)
        await slots.acquire()
        async let second: Void = slots.acquire()
        while slots.inUse.waiting == 0 { await Task.yield() }
        #expect(slots.inUse.free == 0)
        slots.release()
        await second
        #expect(slots.inUse == (free: 0, waiting: 0))
    }
}
