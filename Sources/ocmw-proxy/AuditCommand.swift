import ArgumentParser
import AuditTrail
import Foundation
import Logging
import OCMWCore
import PostgresStores
import ProxyBootstrap
import SQLiteStores

/// `ocmw-proxy audit …`: operators' commands on the audit trail (`DATA_DIR/audit.sqlite`).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Export and prune the audit trail of access to citizen data.",
        subcommands: [Export.self, Prune.self]
    )

    /// `ocmw-proxy audit export --from DAY --to DAY [--format jsonl|csv] [OUT]`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the audit records of whole Belgian days as JSON Lines or CSV.",
            discussion: """
                Days are yyyy-MM-dd, Brussels time, both included. Citizens appear as pseudonyms, never \
                as INSZ numbers; the export is still personal data, so OUT is created with mode 0600. \
                Without OUT the records go to standard output; the summary always goes to stderr.
                """
        )

        @Option(help: "First day, yyyy-MM-dd (Brussels time).")
        var from: String

        @Option(help: "Last day, included, yyyy-MM-dd (Brussels time).")
        var to: String

        @Option(help: "jsonl or csv.")
        var format: String = AuditExportFormat.jsonLines.rawValue

        @Argument(help: "Output file (replaced if present); standard output when omitted.")
        var output: String?

        @OptionGroup var location: Location

        func validate() throws {
            _ = try period()
            guard AuditExportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be one of: \(AuditExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let period = try period()
            let chosen = AuditExportFormat(rawValue: format) ?? .jsonLines
            let written = try await location.withStore { store in
                let handle =
                    try output.map { try AuditExport.createPrivateFile(at: URL(fileURLWithPath: $0)) }
                    ?? FileHandle.standardOutput
                let written = try await AuditExport.write(from: store, period: period, format: chosen, to: handle)
                if output != nil { try handle.close() }
                return written
            }
            Location.note("exported \(written) records from \(from) through \(to) to \(output ?? "standard output")")
        }

        private func period() throws -> AuditPeriod {
            guard let first = DayDate(iso8601: from) else { throw ValidationError("--from must be yyyy-MM-dd") }
            guard let last = DayDate(iso8601: to) else { throw ValidationError("--to must be yyyy-MM-dd") }
            guard let period = AuditPeriod(belgianDaysFrom: first, through: last) else {
                throw ValidationError("--to must not be before --from")
            }
            return period
        }
    }

    /// `ocmw-proxy audit prune [--days N]`.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Remove the audit records older than the retention period.",
            discussion: """
                The only way records leave the trail: the database refuses any other delete. The default \
                keeps \(AuditRetention.defaultDays) days, one year plus the time to answer a question \
                about that year.
                """
        )

        @Option(help: "Keep the records of this many days (24 h each).")
        var days: Int = AuditRetention.defaultDays

        @OptionGroup var location: Location

        func validate() throws {
            guard AuditRetention(days: days) != nil else { throw ValidationError("--days must be at least 1") }
        }

        func run() async throws {
            guard let retention = AuditRetention(days: days) else { throw ValidationError("--days must be at least 1") }
            let now = Date()
            let (removed, remaining) = try await location.withStore { store in
                (try await retention.apply(to: store, now: now), try await store.count())
            }
            let cutoff = retention.cutoff(now: now)
            print("removed \(removed) records before \(cutoff.formatted(.iso8601)); \(remaining) remain")
        }
    }

    /// `--data-dir` or `--database-url`: where the trail is.
    struct Location: ParsableArguments {
        @Option(help: "Directory holding \(SQLiteAuditStore.defaultFileName).")
        var dataDir: String = "data"

        @Option(
            help:
                "PostgreSQL holding the audit trail, as serve --database-url (else OCMW_DATABASE_URL); without it, \(SQLiteAuditStore.defaultFileName) in the data directory."
        )
        var databaseURL: String?

        /// Runs `body` on the trail: in PostgreSQL when a URL is given, else the existing SQLite file.
        func withStore<Result: Sendable>(_ body: (any AuditStore) async throws -> Result) async throws -> Result {
            let url = databaseURL ?? ProcessInfo.processInfo.environment["OCMW_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            if let url {
                let logger = Logger(label: "ocmw-proxy.audit", factory: { _ in SwiftLogNoOpLogHandler() })
                return try await PostgresSession.run(url: url, logger: logger) { client in
                    try await body(PostgresAuditStore(client: client, logger: logger))
                }
            }
            return try await body(openExisting())
        }

        /// Opens the trail, refusing to create an empty one at a mistyped path.
        func openExisting() throws -> SQLiteAuditStore {
            let path = URL(fileURLWithPath: dataDir, isDirectory: true)
                .appendingPathComponent(SQLiteAuditStore.defaultFileName).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw ExitStatus.failing("no audit trail at \(path)", ExitStatus.noInput)
            }
            return try SQLiteAuditStore(path: path)
        }

        static func note(_ text: String) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
}
