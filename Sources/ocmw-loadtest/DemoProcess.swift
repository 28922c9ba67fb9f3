import ArgumentParser
import CurlClient
import Foundation
import LoadTest

/// `ocmw-dev demo` started for one run: its own copy of the tenants file (backends moved to
/// free ports), its own data directory, its development tokens; stopped and removed after.
final class DemoProcess: Sendable {
    let proxyURL: String
    let adminURL: String
    let simulatorAdminURL: String
    let token: String
    let adminToken: String
    let tenantsFile: String
    private let directory: URL
    private let process: Process

    private init(process: Process, directory: URL, options: TargetOptions, token: String, adminToken: String) {
        self.process = process
        self.directory = directory
        self.proxyURL = "http://127.0.0.1:\(options.demoPort)"
        self.adminURL = "http://127.0.0.1:\(options.demoAdminPort)"
        self.simulatorAdminURL = "http://127.0.0.1:\(options.demoSimulatorAdminPort)"
        self.token = token
        self.adminToken = adminToken
        self.tenantsFile = directory.appendingPathComponent("tenants.json").path
    }

    /// Starts the demo for the scenario's tenants and dataset, and waits until it is ready.
    /// - Throws: `ValidationError` when the binary is missing or the demo does not come up.
    static func start(scenario: Scenario, options: TargetOptions, client: CurlClient) async throws -> DemoProcess {
        let binary =
            options.devBinary
            ?? (Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("ocmw-dev").path ?? "ocmw-dev")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError("\(binary) is missing: build it (swift build --product ocmw-dev) or give --dev-binary")
        }
        // A demo already on these ports would answer the health check and get the load instead.
        for port in [options.demoPort, options.demoAdminPort, options.demoSimulatorAdminPort, options.demoBackendBasePort + 1] {
            if (try? await client.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/", connectTimeoutMs: 500, totalTimeoutMs: 1_000)))
                != nil
            {
                throw ValidationError("something already listens on 127.0.0.1:\(port): choose other --demo-*-port values")
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-loadtest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tenants = directory.appendingPathComponent("tenants.json")
        try DemoTenants.write(scenario.tenants, basePort: options.demoBackendBasePort, to: tenants)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "demo", "--port", String(options.demoPort), "--admin-port", String(options.demoAdminPort),
            "--simulator-admin-port", String(options.demoSimulatorAdminPort), "--tenants", tenants.path,
            "--data-dir", directory.appendingPathComponent("data").path, "--log-level", "warning",
            "--seed", String(scenario.seed), "--citizens", String(scenario.citizens),
            // The harness is one caller standing for many: it measures the proxy, not the limit
            // that protects it from one caller.
            "--submission-rate-per-client", "1000000", "--submission-burst-per-client", "1000000",
        ]
        let log = directory.appendingPathComponent("demo.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw ValidationError("cannot write \(log.path)")
        }
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        LoadTestCommand.say("starting \(binary) demo (log: \(log.path))")
        try process.run()

        let health = "http://127.0.0.1:\(options.demoPort)/health"
        let deadline = ContinuousClock.now + .seconds(120)
        var ready = false
        while ContinuousClock.now < deadline, process.isRunning {
            if let response = try? await client.execute(HTTPRequest(url: health, totalTimeoutMs: 1_000)), response.status == 200 {
                ready = true
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        guard ready else {
            if process.isRunning { process.terminate() }
            let tail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(20).joined(separator: "\n") ?? ""
            throw ValidationError("the demo did not come up (ports in use?); the end of its log:\n\(tail)")
        }
        let demoData = directory.appendingPathComponent("data/demo").path
        let token = try run(
            binary,
            [
                "dev-token", "--data-dir", demoData, "--scope", "ocmw.dossier.read", "ocmw.dossier.submit",
                "--client-id", "mijn-burgerprofiel-loadtest", "--minutes", "720",
            ])
        let adminToken = try String(contentsOfFile: demoData + "/dev-admin-token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return DemoProcess(process: process, directory: directory, options: options, token: token, adminToken: adminToken)
    }

    /// Stops the demo (SIGTERM, then SIGKILL after 10 s) and removes its directory.
    func stop() async {
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a short command and returns its trimmed standard output.
    private static func run(_ binary: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(binary) \(arguments.first ?? "") failed") }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
