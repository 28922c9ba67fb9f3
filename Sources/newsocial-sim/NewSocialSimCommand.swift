import ArgumentParser
import Foundation
import Logging
import NewSocialSimulator
import OCMWCore
import ServiceLifecycle

/// Serves simulated New Social installations for the OCMWs of a tenants file.
@main
struct NewSocialSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsocial-sim",
        abstract: "Simulated New Social installations, one listener per OCMW of tenants.json, with fault injection.",
        discussion: """
            Each tenant of the file (whatever its state) is served on the port of its backend.baseURL, in its \
            dialect, until SIGINT or SIGTERM. Fault specs: comma-separated items among none, hang, reset, \
            garbage, otherCitizen, refuseNamingTheCitizen, trickle[:BYTES_PER_SECOND], latency:MS, errors:RATE; e.g. --fault gent=hang \
            --fault bonheiden=latency:200,errors:0.1.
            """)

    @Option(help: "The tenants file.")
    var tenants = "tenants.json"

    @Option(help: "Seed of the generated dataset.")
    var seed: UInt64 = 42

    @Option(help: "Number of generated citizens (besides the demo citizens).")
    var citizens = 1_000

    @Option(help: "Most recent month with generated payments, yyyy-MM (default: last month).")
    var lastMonth: String?

    @Option(help: "Serve this dataset file instead of generating one.")
    var dataset: String?

    @Option(help: "Write the dataset as JSON to this file and exit.")
    var exportDataset: String?

    @Option(help: "Port of the admin listener (faults, statistics); 0 for ephemeral.")
    var adminPort = 9_100

    @Flag(help: "Do not start the admin listener.")
    var noAdmin = false

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("fault"), help: "A fault at start, as TENANT=SPEC (repeatable).")
    var faults: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(
        name: .customLong("tenant"),
        help: "Serve only this tenant of the file (repeatable), e.g. to restart one OCMW beside a running demo.")
    var only: [String] = []

    func validate() throws {
        _ = try parsedFaults()
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown log level '\(logLevel)'") }
        if let lastMonth, CalendarMonth(iso8601: lastMonth) == nil { throw ValidationError("--last-month must be yyyy-MM") }
        guard citizens >= 0 else { throw ValidationError("--citizens must not be negative") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "newsocial-sim")
        let registry = try TenantRegistry(jsonData: Data(contentsOf: URL(fileURLWithPath: tenants)))
        let served = try servedBackends(of: registry)
        // The dataset is the whole file's, so a citizen's records are the same whichever
        // tenants run here.
        let data = try loadDataset(tenants: registry.tenants.map(\.id))
        if let exportDataset {
            try data.jsonData().write(to: URL(fileURLWithPath: exportDataset))
            logger.info("dataset written", metadata: ["file": "\(exportDataset)", "citizens": "\(data.citizens.count)"])
            return
        }
        let simulator = NewSocialSimulator(
            backends: served, dataset: data, host: host,
            adminPort: noAdmin ? nil : adminPort, logger: logger)
        for (tenant, fault) in try parsedFaults() {
            guard served.contains(where: { $0.tenant == tenant }) else {
                throw ValidationError("--fault names tenant '\(tenant)', which is not served here")
            }
            simulator.setFault(fault, for: tenant)
            logger.info("fault set", metadata: ["tenant": "\(tenant)", "fault": "\(fault)"])
        }
        let group = ServiceGroup(
            services: [simulator], gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [], logger: logger)
        try await group.run()
    }

    /// Every tenant of the file, or those `--tenant` names; an id the file lacks ends the
    /// command with status 65 (invalid data), naming the ids it has.
    private func servedBackends(of registry: TenantRegistry) throws -> [SimulatedBackend] {
        let all = SimulatedBackend.backends(from: registry)
        guard !only.isEmpty else { return all }
        for id in only where !all.contains(where: { $0.tenant.rawValue == id }) {
            let known = all.map(\.tenant.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("Error: no tenant '\(id)' in \(tenants) (its tenants: \(known))\n".utf8))
            throw ExitCode(65)
        }
        return all.filter { only.contains($0.tenant.rawValue) }
    }

    private func loadDataset(tenants ids: [TenantID]) throws -> Dataset {
        if let dataset { return try Dataset(contentsOf: URL(fileURLWithPath: dataset)) }
        let month = lastMonth.flatMap { CalendarMonth(iso8601: $0) } ?? Self.previousMonth()
        return Dataset.generate(seed: seed, tenants: ids, citizens: citizens, lastMonth: month)
    }

    private func parsedFaults() throws -> [(TenantID, Fault)] {
        try faults.map { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let tenant = TenantID(String(parts[0])), let fault = Fault(spec: String(parts[1])) else {
                throw ValidationError("--fault expects TENANT=SPEC, e.g. gent=hang or bonheiden=latency:200; got '\(item)'")
            }
            return (tenant, fault)
        }
    }

    private static func previousMonth() -> CalendarMonth {
        let thisMonth = DayDate.inBelgium(at: Date()).calendarMonth
        return thisMonth.adding(months: -1) ?? thisMonth
    }
}
