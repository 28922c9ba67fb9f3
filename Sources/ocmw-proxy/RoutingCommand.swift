import ArgumentParser
import Foundation
import Logging
import OCMWCore
import PostgresStores
import RoutingIndex

/// `ocmw-proxy routing …`: operators' commands on the routing index (`DATA_DIR/routing.sqlite`, or
/// PostgreSQL with `--database-url`).
struct RoutingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Import, inspect and generate the routing index (INSZ -> OCMW, capacity, period).",
        subcommands: [Import.self, Lookup.self, Generate.self, BenchLookup.self]
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
            let registry = try TenantsFile.load(path: tenants)
            // Checked first, so a mistyped path leaves no empty database behind.
            guard FileManager.default.isReadableFile(atPath: file) else { throw Failure(description: "cannot read \(file)") }
            let summary = try await location.withIndex(creating: true) { index in
                try await importFile(into: index, registry: registry)
            }
            guard summary.rejected > 0 else { return }
            print("first rejected lines:")
            for rejection in summary.firstRejections { print("  \(rejection)") }
            throw ExitCode.failure
        }

        private func importFile(into index: any RoutingIndexStore, registry: TenantRegistry) async throws
            -> RoutingFileImport.Summary {
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
            print("imported \(summary.imported), rejected \(summary.rejected), blank lines \(summary.blankLines), "
                + "in \(String(format: "%.2f", seconds)) s (\(rate) rows/s); index holds \(try await index.count()) rows")
            return summary
        }
    }

    /// `ocmw-proxy routing lookup INSZ`.
    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Print the registrations of a citizen that cover today (or --on DAY)."
        )

        @Argument(help: "The citizen's INSZ (separators allowed).")
        var insz: String

        @OptionGroup var location: DataLocation

        @Option(help: "The day to look up, yyyy-MM-dd (default: today, Belgian time).")
        var on: String?

        func run() async throws {
            let today = Support.today()
            let citizen: INSZ
            do { citizen = try INSZ(parsing: insz, currentYear: today.year) } catch {
                throw ValidationError(error.description)
            }
            let day = try on.map { text in
                guard let day = DayDate(iso8601: text) else { throw ValidationError("--on must be yyyy-MM-dd") }
                return day
            } ?? today
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

    /// `ocmw-proxy routing generate --rows N OUT.csv`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a synthetic import file with valid INSZ numbers (deterministic per seed and day)."
        )

        @Option(help: "Number of rows to write.")
        var rows: Int

        @Option(help: "Path of the tenants file; rows use its tenants and their categories of help.")
        var tenants: String = "tenants.json"

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 42

        @Argument(help: "The CSV file to write (replaced if it exists).")
        var output: String

        func validate() throws {
            guard rows > 0 else { throw ValidationError("--rows must be positive") }
        }

        func run() throws {
            let registry = try TenantsFile.load(path: tenants)
            guard let generator = RoutingFileGenerator(tenants: RoutingFileGenerator.profiles(of: registry),
                                                       seed: seed, today: Support.today()) else {
                throw Failure(description: "\(tenants) has no tenants")
            }
            let clock = ContinuousClock()
            let started = clock.now
            try generator.write(rows: rows, to: output)
            print("wrote \(rows) rows to \(output) in \(String(format: "%.2f", Support.seconds(clock.now - started))) s")
        }
    }
}

extension RoutingCommand {
    /// Where the index lives.
    struct DataLocation: ParsableArguments {
        @Option(help: "Directory holding routing.sqlite (created by import if missing).")
        var dataDir: String = "./data"

        @Option(help: "PostgreSQL holding the routing index, as serve --database-url (else OCMW_DATABASE_URL); without it, routing.sqlite in the data directory.")
        var databaseURL: String?

        func databasePath(creatingDirectory: Bool) throws -> String {
            let directory = URL(fileURLWithPath: dataDir, isDirectory: true)
            if creatingDirectory {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            return directory.appendingPathComponent("routing.sqlite").path
        }

        /// Runs `body` on the index: in PostgreSQL when a URL is given, else the SQLite file.
        /// - Parameter creating: Whether a missing SQLite file is created (else: a failure).
        func withIndex<Result: Sendable>(
            creating: Bool, _ body: (any RoutingIndexStore) async throws -> Result
        ) async throws -> Result {
            let url = databaseURL ?? ProcessInfo.processInfo.environment["OCMW_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            if let url {
                let logger = Logger(label: "ocmw-proxy.routing", factory: { _ in SwiftLogNoOpLogHandler() })
                return try await PostgresSession.run(url: url, logger: logger) { client in
                    try await body(PostgresRoutingIndex(client: client, logger: logger))
                }
            }
            let path = try databasePath(creatingDirectory: creating)
            guard creating || FileManager.default.fileExists(atPath: path) else {
                throw Failure(description: "no routing index at \(path)")
            }
            return try await body(SQLiteRoutingIndex(path: path))
        }
    }

    /// Draws import progress on stderr: in place (carriage return) at most ten times a second on
    /// a terminal; a plain line once a second otherwise, so logs stay readable. The last state
    /// is always drawn by `finish()`.
    struct ProgressDisplay {
        let onTerminal: Bool
        private var lastDrawn: Duration?
        private var pending: (progress: RoutingFileImport.Progress, elapsed: Duration)?

        init(onTerminal: Bool) { self.onTerminal = onTerminal }

        mutating func show(_ progress: RoutingFileImport.Progress, elapsed: Duration) {
            pending = (progress, elapsed)
            let interval: Duration = onTerminal ? .milliseconds(100) : .seconds(1)
            if let lastDrawn, elapsed - lastDrawn < interval { return }
            draw()
        }

        mutating func finish() {
            draw()
            if onTerminal, lastDrawn != nil { Support.writeError("\n") }
        }

        private mutating func draw() {
            guard let (progress, elapsed) = pending else { return }
            pending = nil
            lastDrawn = elapsed
            let text = ImportProgressLine.render(processed: progress.processed, total: progress.total,
                                                 elapsedSeconds: Support.seconds(elapsed))
            // ESC[K clears what a longer previous line left behind.
            Support.writeError(onTerminal ? "\r\(text)\u{1B}[K" : "\(text)\n")
        }
    }

    /// A failure that is not a usage error: printed as `Error: …`, exit status 1, no usage text.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    enum Support {
        /// Today in Belgium: registrations are Belgian calendar days.
        static func today() -> DayDate { .inBelgium(at: Date()) }

        static func seconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return Double(seconds) + Double(attoseconds) / 1e18
        }

        static func writeError(_ text: String) {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
