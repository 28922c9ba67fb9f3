import Foundation
import Testing

@testable import LoadTest

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Charts: well-formed SVG with the expected series")
struct ChartTests {
    /// The `data-series` names of an SVG document, or `nil` when it is not well-formed XML.
    static func series(of svg: String) -> [String]? {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            var root: String?
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if root == nil { root = name }
                if let series = attributes["data-series"] { names.append(series) }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse(), collector.root == "svg" else { return nil }
        return collector.names
    }

    static func book() -> LatencyBook {
        var book = LatencyBook(lateWarningSeconds: 0.05)
        for second in 0..<5 {
            for ms in [2.0, 3, 40] {
                book.record(LatencyBookTests.sample(["gent"], ms: ms, at: Double(second) + 0.1))
                book.record(LatencyBookTests.sample(["bonheiden", "gent"], ms: ms * 10, outcome: .partial, at: Double(second) + 0.2))
            }
        }
        return book
    }

    @Test("Latency over time: p50 and p99 per tenant and overall, action markers, names escaped")
    func overTime() throws {
        let steps = scenario(rate: 6, duration: 5)
        let report = Report(
            scenario: steps, schedule: ArrivalSchedule(steps), book: Self.book(),
            actions: [.init(atSeconds: 2, label: "fault <bonheiden> & co", result: "ok")], proxy: "p", startedAt: "s")
        let svg = LatencyOverTimeChart.svg(report)
        let names = try #require(Self.series(of: svg))
        #expect(names == ["all p99", "all p50", "bonheiden p99", "bonheiden p50", "gent p99", "gent p50"])
        #expect(svg.contains("fault &lt;bonheiden&gt; &amp; co"))
    }

    @Test("Percentile spectrum: one series per tenant and overall, on a log axis of nines")
    func spectrum() throws {
        let book = Self.book()
        let steps = scenario(rate: 6, duration: 5)
        let report = Report(scenario: steps, schedule: ArrivalSchedule(steps), book: book, actions: [], proxy: "p", startedAt: "s")
        let names = try #require(Self.series(of: ReportFiles.spectrumSVG(report: report, book: book)))
        #expect(names == ["all", "bonheiden", "gent"])
        #expect(book.overall.spectrum.first?.percentile ?? -1 >= 0)
        #expect(book.overall.spectrum.last?.percentile == 100)
        #expect(PercentileSpectrumChart.xFraction(percentile: 0) == 0)
        #expect(abs(PercentileSpectrumChart.xFraction(percentile: 99) - 0.4) < 1e-9)
        #expect(PercentileSpectrumChart.xFraction(percentile: 100) == 1)
    }

    @Test("Several phases: phase boundaries over time, and a spectrum line per rate step")
    func phases() throws {
        var steps = scenario(rate: 6, duration: 2)
        steps.phases.append(.init(name: "12/s", rate: 12, durationSeconds: 3))
        let schedule = ArrivalSchedule(steps)
        var book = LatencyBook(lateWarningSeconds: 0.05)
        for arrival in schedule {
            book.record(
                Sample(
                    endpoint: .dossier, tenants: [.id("gent")], segment: arrival.segment, measured: true,
                    intendedSeconds: arrival.offsetSeconds, sentSeconds: arrival.offsetSeconds,
                    completedSeconds: arrival.offsetSeconds + 0.002 * Double(arrival.segment + 1), outcome: .ok))
        }
        let report = Report(scenario: steps, schedule: schedule, book: book, actions: [], proxy: "p", startedAt: "s")
        #expect(report.phases.map(\.startSeconds) == [0, 2])
        let overTime = LatencyOverTimeChart.svg(report)
        #expect(Self.series(of: overTime) != nil)
        #expect(overTime.contains(#"class="phase""#))
        let names = try #require(Self.series(of: ReportFiles.phasesSpectrumSVG(report: report, book: book, schedule: schedule)))
        #expect(names == ["p", "12/s"])
    }

    @Test("The report files are written, and report.json decodes again")
    func files() throws {
        let book = Self.book()
        var steps = scenario(rate: 6, duration: 5)
        steps.phases.append(.init(name: "more", rate: 6, durationSeconds: 1))
        let report = Report(scenario: steps, schedule: ArrivalSchedule(steps), book: book, actions: [], proxy: "p", startedAt: "s")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loadtest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ReportFiles.write(report, book: book, schedule: ArrivalSchedule(steps), to: directory)
        for name in ReportFiles.names + [ReportFiles.phasesSpectrum] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let decoded = try JSONDecoder().decode(Report.self, from: Data(contentsOf: directory.appendingPathComponent("report.json")))
        #expect(decoded.overall == report.overall)
        #expect(decoded.tenants["gent"]?.count == 30)
        #expect(report.text.contains("errors: 15 of 30 (partial 15, 4xx 0, 5xx 0, timeout 0, connect 0, transport 0)"))
    }
}
