import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// `ocmw-proxy tenants check` end to end: the built executable against simulated OCMWs started
/// in this process. An executable target cannot be imported, so the binary is run as operators
/// run it; `swift build --build-tests` (and so `swift test`) builds it along with the tests.
@Suite("tenants check command")
struct TenantCheckCommandTests {
    /// Every simulated backend here demands its API key; these are the keys, by variable.
    private static let keys = Dictionary(
        uniqueKeysWithValues: ["gent", "bonheiden", "leuven"].map { id in
            let variable = "OCMW_\(id.uppercased())_API_KEY"
            return (variable, TestTenants.apiKey(forVariable: variable))
        })

    @Test("a healthy v2 tenant passes every check, every part included, without printing INSZ or secret")
    func healthyV2Tenant() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(
                [
                    "gent", "--tenants", directory.tenantsPath,
                    "--insz", DemoCitizens.wireframeINSZ, "--samples", "2",
                ],
                environment: Self.keys)
            #expect(run.status == 0, "\(run.output)")
            for part in ["ocmws", "rights", "trajectories", "payments", "debts", "requests", "certificates"] {
                #expect(run.line(startingWith: "✔ part \(part) ") != nil, "part \(part): \(run.output)")
            }
            #expect(run.line(startingWith: "✔ credentials") != nil)
            #expect(run.line(startingWith: "✔ dialect") != nil)
            #expect(run.line(startingWith: "– tls") != nil)
            #expect(!run.output.contains(DemoCitizens.wireframeINSZ))
            #expect(!run.output.contains(try #require(Self.keys["OCMW_GENT_API_KEY"])))
        }
    }

    @Test("a v1 tenant passes, with certificates reported not supported")
    func v1TenantCertificatesSkipped() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(
                [
                    "bonheiden", "--tenants", directory.tenantsPath,
                    "--insz", DemoCitizens.twoOCMWINSZ, "--samples", "2",
                ],
                environment: Self.keys)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.line(startingWith: "– part certificates") != nil, "\(run.output)")
            #expect(run.line(startingWith: "✔ part debts") != nil, "\(run.output)")
            #expect(!run.output.contains(DemoCitizens.twoOCMWINSZ))
        }
    }

    @Test("a missing credential fails the check (exit 1), and the backend's 401 is explained")
    func missingCredentialFails() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(["bonheiden", "--tenants", directory.tenantsPath, "--samples", "1"])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.line(startingWith: "✘ credentials") != nil, "\(run.output)")
            #expect(run.output.contains("OCMW_BONHEIDEN_API_KEY is not set"), "\(run.output)")
            #expect(run.line(startingWith: "✘ dialect") != nil, "\(run.output)")
            #expect(run.output.contains("refused the proxy's credentials"), "\(run.output)")
        }
    }

    @Test("a wrong key is sent and refused: the dialect check names the credentials")
    func wrongCredentialRefused() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(
                ["gent", "--tenants", directory.tenantsPath, "--samples", "1"],
                environment: ["OCMW_GENT_API_KEY": "not-the-key-gent-registered"])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.line(startingWith: "✔ credentials") != nil, "\(run.output)")
            #expect(run.line(startingWith: "✘ dialect") != nil, "\(run.output)")
            #expect(!run.output.contains("not-the-key-gent-registered"))
        }
    }

    @Test("a backend answering 500 to everything is reported as 500s, not as credentials (exit 69)")
    func fiveHundredStormIsReportedAsSuch() async throws {
        try await withCheckedTenants { directory, simulator in
            simulator.setFault(Fault(errorRate: 1.0), for: try #require(TenantID("gent")))
            let run = try await CheckRun.run(
                ["gent", "--tenants", directory.tenantsPath, "--samples", "1"], environment: Self.keys)
            #expect(run.status == 69, "\(run.output)")
            #expect(run.line(startingWith: "✔ credentials") != nil, "\(run.output)")
            #expect(run.line(startingWith: "✘ dialect")?.contains("status 500") == true, "\(run.output)")
        }
    }

    @Test("a backend answering garbage fails the dialect check (exit 1), also in JSON")
    func garbageBackendFails() async throws {
        try await withCheckedTenants { directory, simulator in
            simulator.setFault(Fault(mode: .garbage), for: try #require(TenantID("leuven")))
            let run = try await CheckRun.run(
                ["leuven", "--tenants", directory.tenantsPath, "--samples", "1", "--json"],
                environment: Self.keys)
            #expect(run.status == 1, "\(run.output)")
            let report = try JSONDecoder().decode(ReportJSON.self, from: Data(run.output.utf8))
            #expect(!report.passed)
            #expect(report.checks.first { $0.name == "dialect" }?.outcome == "failed")
            #expect(report.checks.first { $0.name == "dialect" }?.reason == "invalidJSON")
        }
    }

    @Test("a port nothing listens on fails the reachable check: the backend is unavailable (exit 69)")
    func unreachableBackendFails() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(["nowhere", "--tenants", directory.tenantsPath, "--samples", "1"])
            #expect(run.status == 69, "\(run.output)")
            #expect(run.line(startingWith: "✘ reachable") != nil, "\(run.output)")
            #expect(run.line(startingWith: "– dialect") != nil, "\(run.output)")
        }
    }

    @Test("an unknown tenant id is invalid data (exit 65)")
    func unknownTenantIsInvalidData() async throws {
        try await withCheckedTenants { directory, _ in
            let run = try await CheckRun.run(["no-such-ocmw", "--tenants", directory.tenantsPath])
            #expect(run.status == 65, "\(run.output)\(run.errors)")
            #expect(run.errors.contains("no tenant 'no-such-ocmw'"))
        }
    }

    // MARK: Fixture

    /// Simulates gent (v2), bonheiden (v1) and leuven (v2), and writes a tenants file for them plus
    /// `nowhere`, an onboarding tenant on port 1 where nothing listens.
    private func withCheckedTenants(
        _ body: (TemporaryTenantsFile, NewSocialSimulator) async throws -> Void
    ) async throws {
        guard CheckRun.executable != nil else {
            Issue.record("ocmw-proxy is not built next to the tests; run `swift build --build-tests` first")
            return
        }
        try await withSimulator(
            [("gent", .v2), ("bonheiden", .v1), ("leuven", .v2)],
            requireAPIKeys: true
        ) { simulator, ports in
            let port = { (id: String) in TenantID(id).flatMap { ports[$0] } ?? 1 }
            let entries = [
                TestTenants.entry(id: "gent", dialect: .v2, port: port("gent"), index: 0),
                TestTenants.entry(id: "bonheiden", dialect: .v1, port: port("bonheiden"), index: 1),
                TestTenants.entry(id: "leuven", dialect: .v2, port: port("leuven"), index: 2),
                TestTenants.entry(id: "nowhere", dialect: .v2, port: 1, index: 3, state: .onboarding),
            ]
            let file = try TemporaryTenantsFile(TenantsDocument(tenants: entries))
            defer { file.remove() }
            try await body(file, simulator)
        }
    }
}

/// A tenants file in a fresh temporary directory.
private struct TemporaryTenantsFile {
    let directory: URL
    var tenantsPath: String { directory.appendingPathComponent("tenants.json").path }

    init(_ document: TenantsDocument) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenant-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(document).write(to: URL(fileURLWithPath: tenantsPath))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// The JSON report, as much as the tests read.
private struct ReportJSON: Decodable {
    struct Check: Decodable {
        let name: String
        let outcome: String
        let reason: String?
    }
    let passed: Bool
    let checks: [Check]
}

/// One run of `ocmw-proxy tenants check …` (or any other command): exit status and what it printed.
struct CheckRun {
    let status: Int32
    let output: String
    let errors: String

    /// The first output line starting with `prefix`.
    func line(startingWith prefix: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    /// The built executable.
    static let executable: URL? = BuiltExecutable.ocmwProxy

    /// Runs `ocmw-proxy tenants check` with `arguments`; output goes through files, so a long
    /// report can never block the child on a full pipe.
    static func run(_ arguments: [String], environment: [String: String] = [:], command: String = "check") async throws -> CheckRun {
        try await execute(["tenants", command] + arguments, environment: environment)
    }

    /// Runs `executable` (ocmw-proxy by default) with `arguments` and the test process's
    /// environment without its `OCMW_` variables, plus `environment`.
    static func execute(
        _ arguments: [String], environment: [String: String] = [:], executable: URL? = BuiltExecutable.ocmwProxy
    ) async throws -> CheckRun {
        let executable = try #require(executable)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenant-check-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("OCMW_") }
            .merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CheckRun(
            status: status, output: try String(contentsOf: outURL, encoding: .utf8),
            errors: try String(contentsOf: errURL, encoding: .utf8))
    }
}

extension TenantCheckCommandTests {
    /// A file whose every tenant is suspended is valid, but a proxy serving it is never ready:
    /// `tenants validate` says so.
    @Test func validateWarnsWhenNoTenantIsActive() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("all-suspended-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let document = TenantsDocument(tenants: [
            TestTenants.entry(id: "gent", dialect: .v2, port: 9, index: 0, state: .suspended),
            TestTenants.entry(id: "bonheiden", dialect: .v1, port: 9, index: 1, state: .suspended),
        ])
        try JSONEncoder().encode(document).write(to: file)
        let run = try await CheckRun.run([file.path], command: "validate")
        #expect(run.status == 0)
        #expect(run.output.contains("warning: no tenant is active"), "\(run.output)")
    }
}
