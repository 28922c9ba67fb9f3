import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// The demo can be rehearsed on: its banner names the data directory it was given, and its
/// simulated OCMWs' keys are written where `tenants check` (from a shell that sourced them)
/// authenticates as the demo's proxy does. The simulator names a port it cannot bind.
@Suite struct DemoRehearsalTests {
    @Test(.timeLimit(.minutes(3))) func theDemoNamesItsDataDirectoryAndWritesItsKeysForTenantsCheck() async throws {
        guard let dev = BuiltExecutable.ocmwDev, BuiltExecutable.ocmwProxy != nil else {
            Issue.record("ocmw-dev and ocmw-proxy are not built; run `swift build --build-tests` first")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("demo-rehearsal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = FreePorts.pair()
        var backend = FreePorts.pair()
        while abs(backend - port) < 2 { backend = FreePorts.pair() }
        let tenants = root.appendingPathComponent("tenants.json")
        try JSONEncoder().encode(TenantsDocument(tenants: [TestTenants.entry(id: "gent", dialect: .v2, port: backend + 1)]))
            .write(to: tenants)
        let data = root.appendingPathComponent("rehearsal")
        let output = root.appendingPathComponent("demo.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let demo = Process()
        demo.executableURL = dev
        demo.arguments = [
            "demo", "--tenants", tenants.path, "--data-dir", data.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
            "--simulator-admin-port", "\(backend)", "--citizens", "10",
        ]
        demo.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OCMW_") }
        demo.standardOutput = try FileHandle(forWritingTo: output)
        demo.standardError = FileHandle.nullDevice
        try demo.run()
        defer {
            if demo.isRunning { kill(demo.processIdentifier, SIGKILL) }
            demo.waitUntilExit()
        }
        let banner = { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        try await DeliveryEndToEndTests.eventually { banner().contains("Stop with Ctrl-C.") || !demo.isRunning }
        let demoDirectory = data.appendingPathComponent("demo").path
        #expect(banner().contains("ocmw-dev dev-token --data-dir \(demoDirectory)"), "\(banner())")
        #expect(!banner().contains("--data-dir data/demo"), "\(banner())")

        let keysFile = data.appendingPathComponent("demo/demo-keys.env")
        let keys = try String(contentsOf: keysFile, encoding: .utf8)
        #expect(banner().contains(keysFile.path), "\(banner())")
        let mode = try FileManager.default.attributesOfItem(atPath: keysFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let line = try #require(keys.split(separator: "\n").first { $0.hasPrefix("export OCMW_GENT_API_KEY=") })
        let key = String(line.dropFirst("export OCMW_GENT_API_KEY=".count))
        let check = try await CheckRun.execute(
            ["tenants", "check", "gent", "--tenants", tenants.path, "--samples", "1"], environment: ["OCMW_GENT_API_KEY": key])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        #expect(check.line(startingWith: "✔ dialect") != nil, "\(check.output)")
    }

    @Test func aPortTheSimulatorCannotBindIsNamedWithItsOCMW() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            let taken = try #require(ports[TenantID("gent")!])
            let second = NewSocialSimulator(
                backends: [SimulatedBackend(tenant: TenantID("gent")!, dialect: .v2, port: taken)],
                dataset: Dataset.generate(seed: 1, tenants: [TenantID("gent")!], citizens: 0))
            do {
                try await second.start()
                try await second.stop()
                Issue.record("a second simulator bound port \(taken)")
            } catch {
                #expect("\(error)".contains("cannot listen on 127.0.0.1:\(taken) for OCMW gent"), "\(error)")
            }
        }
    }
}

extension DemoRehearsalTests {
    /// `newsocial-sim --tenant ID` serves that OCMW of the file only; an id the file lacks is
    /// refused (65) naming the ids it has.
    @Test(.timeLimit(.minutes(3))) func theSimulatorServesOneTenantOnRequest() async throws {
        guard let simulator = BuiltExecutable.named("newsocial-sim") else {
            Issue.record("newsocial-sim is not built; run `swift build --build-tests` first")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sim-one-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = FreePorts.pair()
        let tenants = root.appendingPathComponent("tenants.json")
        try JSONEncoder().encode(
            TenantsDocument(tenants: [
                TestTenants.entry(id: "gent", dialect: .v2, port: port, index: 0),
                TestTenants.entry(id: "bonheiden", dialect: .v1, port: port + 1, index: 1),
            ])
        ).write(to: tenants)

        let unknown = try await CheckRun.execute(
            ["--tenants", tenants.path, "--tenant", "lier", "--no-admin", "--citizens", "0"], executable: simulator)
        #expect(unknown.status == 65, "\(unknown.errors)")
        #expect(unknown.errors.contains("no tenant 'lier'"), "\(unknown.errors)")

        let process = Process()
        process.executableURL = simulator
        process.arguments = ["--tenants", tenants.path, "--tenant", "gent", "--no-admin", "--citizens", "0"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try await DeliveryEndToEndTests.eventually { !FreePorts.isFree(port) || !process.isRunning }
        #expect(!FreePorts.isFree(port), "Gent is served")
        #expect(FreePorts.isFree(port + 1), "Bonheiden is not")
    }
}
