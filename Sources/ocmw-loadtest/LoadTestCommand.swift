import ArgumentParser
import CurlClient
import Foundation
import LoadTest
import Logging
import NewSocialSimulator
import OCMWCore

/// `ocmw-loadtest SCENARIO.json`: realistic Mijn Burgerprofiel traffic at constant arrival rates
/// against a running proxy (or a demo it starts), with per-tenant latency reports and pictures.
@main
struct LoadTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocmw-loadtest",
        abstract: "Run a load-test scenario against the proxy and write a report with pictures."
    )

    @Argument(help: "The scenario file (loadtest/scenarios/*.json).")
    var scenario: String

    @OptionGroup var target: TargetOptions

    @Option(help: "Output directory (default loadtest/results/<UTC timestamp>).")
    var out: String?

    @Flag(help: "Exit with status 1 when any request failed (any class but ok) or none was recorded.")
    var failOnErrors = false

    @Option(help: "Tenants drawn in the charts besides all requests (the busiest ones).")
    var chartTenants = 8

    func run() async throws {
        var logger = Logger(label: "ocmw-loadtest")
        logger.logLevel = .warning
        let scenario: Scenario
        do {
            scenario = try Scenario(jsonData: try Data(contentsOf: URL(fileURLWithPath: self.scenario)))
        } catch let error as ScenarioError {
            throw ValidationError("\(self.scenario):\n\(error)")
        }
        let outDirectory = URL(fileURLWithPath: out ?? "loadtest/results/\(Self.timestamp())")
        let client = CurlClient(configuration: .init(maxConnectionsPerHost: max(64, scenario.maxOutstanding)), logger: logger)
        let result: (Report, LatencyBook) = try await withRunning(client) {
            let demo = target.startDemo ? try await DemoProcess.start(scenario: scenario, options: target, client: client) : nil
            do {
                let resolved = try target.resolve(scenario: scenario, demo: demo)
                let registry = try TenantRegistry(jsonData: Data(contentsOf: URL(fileURLWithPath: resolved.tenantsFile)))
                let pool = CitizenPool(
                    dataset: CitizenPool.demoDataset(registry: registry, seed: scenario.seed, citizens: scenario.citizens),
                    registry: registry, onlyAt: scenario.citizensOf.map { Set($0.compactMap(TenantID.init)) })
                Self.say(
                    "scenario \(scenario.name): \(Report.format(scenario.runSeconds)) s, \(ArrivalSchedule(scenario).totalCount) requests, "
                        + "\(pool.people.count) citizens over \(registry.tenants.count) tenants, against \(resolved.target.proxyURL)")
                let startedAt = ISO8601DateFormatter().string(from: Date())
                let runner = LoadRunner(scenario: scenario, pool: pool, target: resolved.target, client: client) { Self.say($0) }
                let run = await runner.run()
                await demo?.stop()
                let report = Report(
                    scenario: scenario, schedule: ArrivalSchedule(scenario), book: run.book, actions: run.actions,
                    proxy: resolved.target.proxyURL, startedAt: startedAt)
                return (report, run.book)
            } catch {
                await demo?.stop()
                throw error
            }
        }
        let (report, book) = result
        try ReportFiles.write(report, book: book, schedule: ArrivalSchedule(scenario), to: outDirectory, maxTenants: chartTenants)
        // The files first: the summary's last line (errors, or a warning) is what scripts read.
        let written = ReportFiles.names + (report.phases.count > 1 ? [ReportFiles.phasesSpectrum] : [])
        print("written to \(outDirectory.path): \(written.joined(separator: ", "))\n")
        print(report.text)
        if failOnErrors, report.hasErrors || report.overall.count == 0 { throw ExitCode(1) }
    }

    /// Progress goes to stderr, unbuffered, so it shows at once even when stdout is piped.
    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
