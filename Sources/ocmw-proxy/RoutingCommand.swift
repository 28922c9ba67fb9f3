import ArgumentParser
import Foundation
import Logging
import OCMWCore
import PostgresStores
import ProxyBootstrap
import RoutingImport

/// `ocmw-proxy routing …`: operators' commands on the routing index (`DATA_DIR/routing.sqlite`, or
/// PostgreSQL with `--database-url`).
struct RoutingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Import and inspect the routing index (INSZ -> OCMW, capacity, period).",
        subcommands: [Import.self, Lookup.self]
    )

    /// `ocmw-proxy routing import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import registrations from a CSV file (insz,tenant,capacity,start,end).",
            discussion: """
                The header line is optional, end may be empty (open), dates are yyyy-MM-dd. Rows are \
                upserted, so an import can be run again. Invalid rows are reported by line number and \
                skipped; the valid ones are imported all the same, and the exit status is then 1.
                Progress goes to stderr: redrawn in place on a terminal, one line per second otherwise.
                """
        )

        @Argument(help: "The CSV file to import.")
        var file: String

        @OptionGroup var location: DataLocation

        @Option(help: "Path of the tenants file; rows for other tenants are rejected.")
        var tenants: String = "tenants.json"

        func run() async throws {
            let registry: TenantRegistry
            do { registry = try TenantsFile.load(path: tenants) } catch let error as TenantsFile.LoadError {
                throw ExitStatus.failing(error.description, error.status)
            }
            // Checked first, so a mistyped path leaves no empty database behind.
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ExitStatus.failing("cannot read \(file)", ExitStatus.noInput)
            }
            let summary = try await location.withIndex(creating: true) { index in
                try await importFile(into: index, registry: registry)
            }
            guard summary.rejected > 0 else { return }
            print("first rejected lines:")
            for rejection in summary.firstRejections { print("  \(rejection)") }
            throw ExitCode.failure
        }

        private func importFile(
            into index: any RoutingIndexStore, registry: TenantRegistry
        ) async throws
            -> RoutingFileImport.Summary
        {
            let clock = ContinuousClock()
            let started = clock.now
            var display = ProgressDisplay(onTerminal: isatty(STDERR_FILENO) == 1)
            let summary = try await RoutingFileImport.run(
                path: file, into: index, knownTenants: Set(registry.tenants.map(\.id)),
                currentYear: Support.today().year
            ) { progress in
                display.show(progress, elapsed: clock.now - started)
            }
            display.finish()
            let seconds = Support.seconds(clock.now - started)
            let rate = seconds > 0 ? Int(Double(summary.imported + summary.rejected) / seconds) : 0
            print(
                "imported \(summary.imported), rejected \(summary.rejected), blank lines \(summary.blankLines), "
                    + "in \(String(format: "%.2f", seconds)) s (\(rate) rows/s); index holds \(try await index.count()) rows")
            return summary
        }
    }

    /// `ocmw-proxy routing lookup INSZ`.
    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Print the registrations of a citizen that cover today (or --on DAY).",
            discussion: """
                Exit status: 0 (also when no registration covers the day), 65 an invalid INSZ, 66 no \
                routing index at --data-dir, 64 usage error.
                """
        )

        @Argument(help: "The citizen's INSZ (separators allowed).")
        var insz: String

        @OptionGroup var location: DataLocation

        @Option(help: "The day to look up, yyyy-MM-dd (default: today, Belgian time).")
        var on: String?

        func validate() throws {
            if let on, DayDate(iso8601: on) == nil { throw ValidationError("--on must be yyyy-MM-dd") }
        }

        func run() async throws {
            let today = Support.today()
            let citizen: INSZ
            do { citizen = try INSZ(parsing: insz, currentYear: today.year) } catch {
                throw ExitStatus.failing(error.description, ExitStatus.dataError)
            }
            let day = on.flatMap { DayDate(iso8601: $0) } ?? today
            let rows = try await location.withIndex(creating: false) { index in try await index.lookup(insz: citizen, on: day) }
            guard !rows.isEmpty else {
                print("no registration covers \(day)")
                return
            }
            for row in rows {
                print("\(row.tenant)\t\(row.capacity)\t\(row.period.start) … \(row.period.end?.iso8601 ?? "open")")
            }
        }
    }
}

extension RoutingCommand {
    typealias DataLocation = RoutingCLI.DataLocation
    typealias ProgressDisplay = RoutingCLI.ProgressDisplay
    typealias Failure = RoutingCLI.Failure
    typealias Support = RoutingCLI.Support
}
