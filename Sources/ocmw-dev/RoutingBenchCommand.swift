import ArgumentParser
import Foundation
import OCMWCore
import SQLiteStores

extension DevRoutingCommand {
    /// `ocmw-dev routing bench-lookup FILE`: what one routing-index lookup costs, as the read
    /// path does it (`SQLiteRoutingIndex.lookup`), for citizens of an imported file and for
    /// citizens the index does not hold (`scripts/bench-scale`).
    struct BenchLookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-lookup",
            abstract: "Time routing-index lookups of citizens from an import file, and of unknown citizens.",
            shouldDisplay: false
        )

        @Argument(help: "The CSV file that was imported (its citizens are looked up).")
        var file: String

        @OptionGroup var location: DataLocation

        @Option(help: "Lookups per case.")
        var lookups: Int = 20_000

        func validate() throws {
            guard lookups > 0 else { throw ValidationError("--lookups must be positive") }
        }

        func run() async throws {
            let today = Support.today()
            let path = try location.databasePath(creatingDirectory: false)
            guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "no routing index at \(path)") }
            let index = try SQLiteRoutingIndex(path: path)
            let known = try Self.citizens(in: file, count: lookups, currentYear: today.year)
            // Valid numbers of a birth year the generator does not use: never in the index.
            let unknown = (0..<lookups).compactMap { serial -> INSZ? in
                let nine = String(format: "010101%03d", serial % 998 + 1)
                let check = 97 - (Int(nine)! % 97)
                return try? INSZ(parsing: nine + String(format: "%02d", check), currentYear: today.year)
            }
            let rows = try await index.count()
            print("routing index: \(rows) rows")
            for (name, citizens) in [("known citizen", known), ("unknown citizen", unknown)] {
                var found = 0
                let clock = ContinuousClock()
                let started = clock.now
                for insz in citizens { found += try await index.lookup(insz: insz, on: today).count }
                let seconds = Support.seconds(clock.now - started)
                let perLookup = seconds / Double(citizens.count) * 1e6
                print(
                    "\(name): \(citizens.count) lookups, \(String(format: "%.1f", perLookup)) µs each "
                        + "(\(Int(Double(citizens.count) / seconds)) lookups/s), \(found) rows found")
            }
        }

        /// `count` citizens spread evenly over the file.
        private static func citizens(in file: String, count: Int, currentYear: Int) throws -> [INSZ] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let lines = text.split(separator: "\n").filter { !RoutingCSV.isHeader($0) }
            guard !lines.isEmpty else { throw Failure(description: "\(file) holds no rows") }
            let step = max(1, lines.count / count)
            return stride(from: 0, to: lines.count, by: step).prefix(count).compactMap { index in
                guard let first = lines[index].split(separator: ",").first else { return nil }
                return try? INSZ(parsing: first, currentYear: currentYear)
            }
        }
    }
}
