import OCMWCore
import Testing

@testable import LoadTest

@Suite("Latency book: aggregation per tenant, endpoint and phase")
struct LatencyBookTests {
    static func sample(
        _ tenants: [String], _ endpoint: Endpoint = .dossier, ms: Double, outcome: Outcome = .ok, segment: Int = 0,
        measured: Bool = true, at intended: Double = 0, late: Double = 0
    ) -> Sample {
        Sample(
            endpoint: endpoint, tenants: tenants.map(TenantID.id), segment: segment, measured: measured, intendedSeconds: intended,
            sentSeconds: intended + late, completedSeconds: intended + ms / 1_000, outcome: outcome)
    }

    @Test("A request counts once overall, under each tenant of its citizen, and under its endpoint")
    func aggregation() {
        var book = LatencyBook(lateWarningSeconds: 0.05)
        book.record(Self.sample(["gent", "bonheiden"], .dossier, ms: 10))
        book.record(Self.sample(["gent"], .dossier, ms: 20))
        book.record(Self.sample(["bonheiden"], .debts, ms: 30, outcome: .partial))
        book.record(Self.sample(["gent"], .submitCertificate, ms: 40, outcome: .serverError))
        #expect(book.overall.count == 4)
        #expect(book.tenants[.id("gent")]?.count == 3)
        #expect(book.tenants[.id("bonheiden")]?.count == 2)
        #expect(book.endpoints[.dossier]?.count == 2)
        #expect(book.endpoints[.debts]?.outcomes == [.partial: 1])
        #expect(book.overall.errors == 2)
        #expect(book.tenants[.id("gent")]?.errors == 1)
        #expect(book.tenants[.id("bonheiden")]?.errors == 1)
        let gentMax = book.tenants[.id("gent")]?.milliseconds(atPercentile: 100) ?? 0
        #expect(abs(gentMax - 40) < 0.05)
    }

    @Test("Warm-up requests are counted apart and recorded nowhere")
    func warmupExcluded() {
        var book = LatencyBook(lateWarningSeconds: 0.05)
        book.record(Self.sample(["gent"], ms: 5_000, measured: false))
        book.record(Self.sample(["gent"], ms: 10))
        #expect(book.unmeasured == 1)
        #expect(book.overall.count == 1)
        #expect(book.tenants[.id("gent")]?.count == 1)
        #expect(book.overall.milliseconds(atPercentile: 100) < 11)
        #expect(book.overallTimeline.values.reduce(0) { $0 + $1.count } == 1)
    }

    @Test("Per-second series give p50 and p99 of each second, per tenant")
    func timeline() {
        var book = LatencyBook(lateWarningSeconds: 0.05)
        for ms in 1...100 { book.record(Self.sample(["gent"], ms: Double(ms), at: 0.5)) }
        book.record(Self.sample(["gent"], ms: 7, at: 1.2))
        let points = LatencyBook.percentilesPerSecond(book.timeline[.id("gent")] ?? [:])
        #expect(points.map(\.second) == [0, 1])
        #expect(points[0].p50 == 50)
        #expect(points[0].p99 == 99)
        #expect(points[1].p50 == 7)
        #expect(points[1].count == 1)
    }

    @Test("The report gives target and achieved rate per phase and warns when sends were late")
    func behindWarning() throws {
        let steps = scenario(rate: 10, duration: 1)
        let schedule = ArrivalSchedule(steps)
        var book = LatencyBook(lateWarningSeconds: 0.05)
        // On time: 10 sends over 1 s.
        for arrival in schedule { book.record(Self.sample(["gent"], ms: 5, at: arrival.offsetSeconds)) }
        let onTime = Report(scenario: steps, schedule: schedule, book: book, actions: [], proxy: "http://proxy", startedAt: "now")
        #expect(onTime.warnings.isEmpty)
        #expect(abs(try #require(onTime.phases.first).achievedRate - 10) < 0.001)
        #expect(onTime.tenants["gent"]?.count == 10)

        // The sender stalled: every send 0.2 s late, and the last ones squeezed into the end.
        var late = LatencyBook(lateWarningSeconds: 0.05)
        for arrival in schedule {
            late.record(Self.sample(["gent"], ms: 5, at: arrival.offsetSeconds, late: 0.2 + arrival.offsetSeconds))
        }
        let behind = Report(scenario: steps, schedule: schedule, book: late, actions: [], proxy: "http://proxy", startedAt: "now")
        let phase = try #require(behind.phases.first)
        #expect(phase.lateSends == 10)
        #expect(phase.achievedRate < 9.5)
        #expect(behind.warnings.count == 2)
        #expect(behind.warnings[0].contains("fell behind"))
        #expect(behind.warnings[1].contains("of the target 10/s"))
    }

    @Test("Latencies beyond the histogram's range are kept at its top, not lost")
    func clamped() {
        var tally = Tally()
        tally.record(microseconds: Tally.highestMicroseconds * 10, outcome: .timeout)
        tally.record(microseconds: 0, outcome: .ok)
        #expect(tally.count == 2)
        #expect(tally.outcomes == [.timeout: 1, .ok: 1])
    }

    @Test("Each outcome class has its own percentiles: fast refusals do not hide slow answers")
    func percentilesPerOutcome() {
        var tally = Tally()
        for _ in 0..<199 { tally.record(microseconds: 2_000, outcome: .serverError) }
        tally.record(microseconds: 800_000, outcome: .ok)
        var other = Tally()
        other.record(microseconds: 900_000, outcome: .ok)
        tally.add(other)
        #expect(tally.milliseconds(atPercentile: 99) < 10)
        #expect(tally.milliseconds(atPercentile: 99, of: .serverError).map { $0 < 3 } == true)
        #expect(tally.milliseconds(atPercentile: 99, of: .ok).map { $0 > 850 } == true)
        #expect(tally.milliseconds(atPercentile: 99, of: .timeout) == nil)
        #expect(Report.Stats(tally).p99ByOutcomeMs?["ok"].map { $0 > 850 } == true)
    }
}
