import ArgumentParser
import Foundation
import Logging
import OCMWCore

/// Options shared by `serve` and `demo`.
struct ServerOptions: ParsableArguments {
    @Option(help: "Path of the tenants file.")
    var tenants: String = "tenants.json"

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Longest time a citizen request may take, in milliseconds.")
    var requestDeadlineMs: Int = 5_000

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    /// Reads and validates the tenants file, printing every problem on failure.
    func loadRegistry() throws -> TenantRegistry {
        try TenantsFile.load(path: tenants)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Reading `tenants.json` from disk, with readable errors.
enum TenantsFile {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static func load(path: String) throws -> TenantRegistry {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(description: "cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try TenantRegistry(jsonData: data)
        } catch {
            throw LoadError(description: "\(path) is not valid:\n" + error.problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
    }
}

/// Bootstraps process-wide logging once, in executables only.
enum LoggingSetup {
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "ocmw-proxy")
    }
}
