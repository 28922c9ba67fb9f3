import ArgumentParser
import Foundation
import Logging
import OCMWCore
import PostgresStores
import PrivateFiles
import RoutingImport
import SQLiteStores

/// What the routing commands of `ocmw-proxy` and `ocmw-dev` share.
package enum RoutingCLI {
    /// Where the index lives.
    package struct DataLocation: ParsableArguments {
        package init() {}

        @Option(help: "Directory holding routing.sqlite (created by import if missing).")
        package var dataDir: String = "./data"

        @Option(
            help:
                "PostgreSQL holding the routing index, as serve --database-url (else OCMW_DATABASE_URL); without it, routing.sqlite in the data directory."
        )
        package var databaseURL: String?

        package func databasePath(creatingDirectory: Bool) throws -> String {
            let directory = URL(fileURLWithPath: dataDir, isDirectory: true)
            if creatingDirectory {
                try PrivateDirectory.prepare(atPath: directory.path)
            }
            return directory.appendingPathComponent("routing.sqlite").path
        }

        /// Runs `body` on the index: in PostgreSQL when a URL is given, else the SQLite file.
        /// - Parameter creating: Whether a missing SQLite file is created (else: a failure).
        package func withIndex<Result: Sendable>(
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
                throw ExitStatus.failing("no routing index at \(path)", ExitStatus.noInput)
            }
            return try await body(SQLiteRoutingIndex(path: path))
        }
    }

    /// Draws import progress on stderr: in place (carriage return) at most ten times a second on
    /// a terminal; a plain line once a second otherwise, so logs stay readable. The last state
    /// is always drawn by `finish()`.
    package struct ProgressDisplay {
        package let onTerminal: Bool
        private var lastDrawn: Duration?
        private var pending: (progress: RoutingFileImport.Progress, elapsed: Duration)?

        package init(onTerminal: Bool) { self.onTerminal = onTerminal }

        package mutating func show(_ progress: RoutingFileImport.Progress, elapsed: Duration) {
            pending = (progress, elapsed)
            let interval: Duration = onTerminal ? .milliseconds(100) : .seconds(1)
            if let lastDrawn, elapsed - lastDrawn < interval { return }
            draw()
        }

        package mutating func finish() {
            draw()
            if onTerminal, lastDrawn != nil { Support.writeError("\n") }
        }

        private mutating func draw() {
            guard let (progress, elapsed) = pending else { return }
            pending = nil
            lastDrawn = elapsed
            let text = ImportProgressLine.render(
                processed: progress.processed, total: progress.total,
                elapsedSeconds: Support.seconds(elapsed))
            // ESC[K clears what a longer previous line left behind.
            Support.writeError(onTerminal ? "\r\(text)\u{1B}[K" : "\(text)\n")
        }
    }

    /// A failure that is not a usage error: printed as `Error: …`, exit status 1, no usage text.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        package init(description: String) {
            self.description = description
        }
    }

    package enum Support {
        /// Today in Belgium: registrations are Belgian calendar days.
        package static func today() -> DayDate { .inBelgium(at: Date()) }

        package static func seconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return Double(seconds) + Double(attoseconds) / 1e18
        }

        package static func writeError(_ text: String) {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
