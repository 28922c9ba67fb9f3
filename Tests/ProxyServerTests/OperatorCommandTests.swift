import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// Operators' commands through the built executables: validation with credentials, editing a
/// tenant's state, the exit statuses of docs/cli.md and each subcommand's own usage.
@Suite struct OperatorCommandTests {
    /// Gent active, Aalst onboarding; neither key is in the environment unless a test gives it.
    private static func tenantsFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("operator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("tenants.json")
        let document = TenantsDocument(tenants: [
            TestTenants.entry(id: "gent", dialect: .v2, port: 9, index: 0),
            TestTenants.entry(id: "aalst", dialect: .v2, port: 10, index: 1, state: .onboarding),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        try encoder.encode(document).write(to: file)
        return file
    }

    private static let gentKey = ["OCMW_GENT_API_KEY": "gent-key"]

    @Test func validateRefusesAnActiveTenantWithoutItsCredential() async throws {
        let file = try Self.tenantsFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let missing = try await CheckRun.execute(["tenants", "validate", file.path])
        #expect(missing.status == 78, "\(missing.output)\(missing.errors)")
        #expect(missing.output.contains("tenant 'gent', field 'backend.credentials'"), "\(missing.output)")
        #expect(missing.output.contains("environment variable OCMW_GENT_API_KEY is not set"), "\(missing.output)")
        // Aalst is onboarding: its key may come later.
        #expect(!missing.output.contains("OCMW_AALST_API_KEY"), "\(missing.output)")
        let present = try await CheckRun.execute(["tenants", "validate", file.path], environment: Self.gentKey)
        #expect(present.status == 0, "\(present.output)\(present.errors)")
        let skipped = try await CheckRun.execute(["tenants", "validate", "--without-credentials", file.path])
        #expect(skipped.status == 0, "\(skipped.output)\(skipped.errors)")
        // serve refuses to start on it, as a reload refuses it, naming the variable (ephemeral ports:
        // should it start after all, it takes no port another test relies on being closed).
        let data = file.deletingLastPathComponent().appendingPathComponent("data").path
        let serve = try await CheckRun.execute([
            "serve", "--tenants", file.path, "--dev-auth", "--allow-dev-auth", "--data-dir", data, "--port", "0", "--admin-port", "0",
        ])
        #expect(serve.status == 78, "\(serve.errors)")
        #expect(serve.errors.contains("environment variable OCMW_GENT_API_KEY is not set"), "\(serve.errors)")
    }

    @Test func setStateChangesOneValueInPlaceAndRefusesWhatItCannotDo() async throws {
        let file = try Self.tenantsFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let original = try String(contentsOf: file, encoding: .utf8)

        let unknown = try await CheckRun.execute(["tenants", "set-state", "lier", "active", "--tenants", file.path])
        #expect(unknown.status == 65, "\(unknown.errors)")
        #expect(unknown.errors.contains("no tenant 'lier'"), "\(unknown.errors)")
        let badState = try await CheckRun.execute(["tenants", "set-state", "aalst", "live", "--tenants", file.path])
        #expect(badState.status == 64, "\(badState.errors)")
        #expect(badState.errors.contains("ocmw-proxy tenants set-state"), "its own usage: \(badState.errors)")
        #expect(try String(contentsOf: file, encoding: .utf8) == original, "nothing written by a refusal")

        let set = try await CheckRun.execute(["tenants", "set-state", "aalst", "active", "--tenants", file.path])
        #expect(set.status == 0, "\(set.output)\(set.errors)")
        #expect(set.output.contains("aalst: onboarding → active"), "\(set.output)")
        let edited = try String(contentsOf: file, encoding: .utf8)
        #expect(edited == original.replacingOccurrences(of: #""state" : "onboarding""#, with: #""state" : "active""#))
        #expect(edited != original)
        let listed = try await CheckRun.execute(["tenants", "list", file.path, "--state", "active"])
        #expect(listed.output.contains("aalst"), "\(listed.output)")
        // Temporary files are renamed away, none left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names == ["tenants.json"], "\(names)")
    }

    @Test func exitStatusesFollowTheTableAndUsageIsTheSubcommands() async throws {
        let file = try Self.tenantsFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let data = file.deletingLastPathComponent().path
        // An INSZ that fails its check digits is invalid data: 65, as in `tenants check --insz`.
        let lookup = try await CheckRun.execute(["routing", "lookup", "12345678901", "--data-dir", data])
        #expect(lookup.status == 65, "\(lookup.errors)")
        let check = try await CheckRun.execute(["tenants", "check", "gent", "--tenants", file.path, "--insz", "12345678901"])
        #expect(check.status == 65, "\(check.errors)")
        let unknownTenant = try await CheckRun.execute(["tenants", "check", "lier", "--tenants", file.path])
        #expect(unknownTenant.status == 65, "\(unknownTenant.errors)")
        // No index where it is looked for: no input, 66.
        let noIndex = try await CheckRun.execute(["routing", "lookup", DemoCitizens.wireframeINSZ, "--data-dir", data])
        #expect(noIndex.status == 66, "\(noIndex.errors)")
        #expect(noIndex.errors.contains("no routing index at"), "\(noIndex.errors)")
        // Usage errors print the usage of the subcommand, not of ocmw-proxy.
        let lookupUsage = try await CheckRun.execute(["routing", "lookup"])
        #expect(lookupUsage.status == 64)
        #expect(lookupUsage.errors.contains("Usage: ocmw-proxy routing lookup"), "\(lookupUsage.errors)")
        let serveUsage = try await CheckRun.execute(["serve", "--tenants", file.path])
        #expect(serveUsage.status == 64)
        #expect(serveUsage.errors.contains("--jwks"), "\(serveUsage.errors)")
        #expect(serveUsage.errors.contains("Usage: ocmw-proxy serve"), "\(serveUsage.errors)")
        // An invalid tenants file is a configuration error, whatever reads it.
        try Data("{".utf8).write(to: file)
        for arguments in [["tenants", "validate", file.path], ["tenants", "list", file.path], ["tenants", "diff", file.path, file.path]] {
            let run = try await CheckRun.execute(arguments)
            #expect(run.status == 78, "\(arguments): \(run.output)\(run.errors)")
        }
        let unreadable = try await CheckRun.execute(["tenants", "validate", file.path + ".missing"])
        #expect(unreadable.status == 66, "\(unreadable.output)\(unreadable.errors)")
    }

    @Test func devToolUsageAndValues() async throws {
        guard let dev = BuiltExecutable.ocmwDev else {
            Issue.record("ocmw-dev is not built; run `swift build --build-tests` first")
            return
        }
        let rows = try await CheckRun.execute(["routing", "generate", "--rows", "-3", "out.csv"], executable: dev)
        #expect(rows.status == 64)
        #expect(rows.errors.contains("--rows must be at least 1 (got -3)"), "\(rows.errors)")
        #expect(rows.errors.contains("Usage: ocmw-dev routing generate"), "\(rows.errors)")
        let tokenUsage = try await CheckRun.execute(["dev-token", "--minutes", "soon"], executable: dev)
        #expect(tokenUsage.status == 64)
        #expect(tokenUsage.errors.contains("Usage: ocmw-dev dev-token"), "\(tokenUsage.errors)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-key-\(UUID().uuidString)").path
        let noKey = try await CheckRun.execute(["dev-token", "--data-dir", empty], executable: dev)
        #expect(noKey.status == 66, "\(noKey.errors)")
        #expect(noKey.errors.contains("no development key in \(empty)"), "\(noKey.errors)")
        // dev-key makes the key a JWKS names, and then dev-token signs with it.
        let keyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("dev-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: keyDirectory) }
        let jwks = keyDirectory.appendingPathComponent("jwks.json").path
        let made = try await CheckRun.execute(["dev-key", "--data-dir", keyDirectory.path, "--jwks", jwks], executable: dev)
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("issuer=https://dev.ocmw-proxy.local"), "\(made.output)")
        #expect(try String(contentsOfFile: jwks, encoding: .utf8).contains(#""kid":"dev""#))
        let signed = try await CheckRun.execute(["dev-token", "--data-dir", keyDirectory.path], executable: dev)
        #expect(signed.status == 0, "\(signed.errors)")
        // The demo (as serve) ends on an invalid tenants file with the configuration status.
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: broken) }
        try Data("{".utf8).write(to: broken)
        let demo = try await CheckRun.execute(["demo", "--tenants", broken.path, "--data-dir", empty], executable: dev)
        #expect(demo.status == 78, "\(demo.errors)")
        #expect(demo.errors.contains("is not valid"), "\(demo.errors)")
    }
}

extension OperatorCommandTests {
    /// `serve --pid-file`: the file names the process while it serves and is gone after a clean
    /// stop; SIGHUP to that process re-reads the JWKS as well as the tenants file.
    @Test(.timeLimit(.minutes(3))) func pidFileAndSIGHUPReloadOfTheJWKS() async throws {
        guard BuiltExecutable.ocmwProxy != nil else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { _, ports in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-pid-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: root) }
            let tenants = try ServeFixture.gentTenantsFile(in: root, port: ports[TenantID("gent")!] ?? 0)
            let pidFile = root.appendingPathComponent("proxy.pid")
            let port = FreePorts.pair()
            let proxy = try CrashRecoveryTests.ProxyProcess(
                arguments: [
                    "serve", "--tenants", tenants.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
                    "--data-dir", root.appendingPathComponent("data").path, "--dev-auth", "--allow-dev-auth",
                    "--pid-file", pidFile.path,
                ],
                environment: ServeFixture.environmentWithGentKey)
            defer { proxy.kill() }
            try await withCurlClient { curl in
                try await CrashRecoveryTests.waitUntilReady(curl, port: port, process: proxy)
            }
            let written = try String(contentsOf: pidFile, encoding: .utf8)
            #expect(written == "\(proxy.process.processIdentifier)\n")

            let reloadsBefore = proxy.logTail.components(separatedBy: "JWKS reloaded").count
            kill(proxy.process.processIdentifier, SIGHUP)
            try await DeliveryEndToEndTests.eventually {
                proxy.logTail.components(separatedBy: "JWKS reloaded").count > reloadsBefore
            }
            #expect(proxy.logTail.components(separatedBy: "JWKS reloaded").count > reloadsBefore, "\(proxy.logTail)")
            #expect(proxy.logTail.contains("trigger=signal"), "the tenants file too: \(proxy.logTail)")

            kill(proxy.process.processIdentifier, SIGTERM)
            proxy.process.waitUntilExit()
            #expect(proxy.process.terminationStatus == 0)
            #expect(!FileManager.default.fileExists(atPath: pidFile.path), "removed at a clean exit")
        }
    }
}
