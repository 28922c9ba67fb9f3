import ArgumentParser
import Foundation
import OCMWCore
import ProxyBootstrap
import RoutingImport

/// `ocmw-dev routing …`: synthetic routing data and the look-up benchmark.
struct DevRoutingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Generate synthetic routing files and measure look-ups.",
        subcommands: [Generate.self, BenchLookup.self]
    )

    typealias DataLocation = RoutingCLI.DataLocation
    typealias Failure = RoutingCLI.Failure
    typealias Support = RoutingCLI.Support

    /// `ocmw-dev routing generate --rows N OUT.csv`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a synthetic import file with valid INSZ numbers (deterministic per seed and day)."
        )

        // Unconditional, so `--rows -3` is read as a (wrong) number, not as a missing value.
        @Option(parsing: .unconditional, help: "Number of rows to write.")
        var rows: Int

        @Option(help: "Path of the tenants file; rows use its tenants and their categories of help.")
        var tenants: String = "tenants.json"

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 42

        @Argument(help: "The CSV file to write (replaced if it exists).")
        var output: String

        func validate() throws {
            guard rows > 0 else { throw ValidationError("--rows must be at least 1 (got \(rows))") }
        }

        func run() throws {
            let registry = try TenantsFile.load(path: tenants)
            guard
                let generator = RoutingFileGenerator(
                    tenants: RoutingFileGenerator.profiles(of: registry),
                    seed: seed, today: Support.today())
            else {
                throw Failure(description: "\(tenants) has no tenants")
            }
            let clock = ContinuousClock()
            let started = clock.now
            try generator.write(rows: rows, to: output)
            print("wrote \(rows) rows to \(output) in \(String(format: "%.2f", Support.seconds(clock.now - started))) s")
        }
    }
}
