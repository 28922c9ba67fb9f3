import CallerAuth
import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// The proxy as a real process, killed with SIGKILL while deliveries are in flight and started
/// again on the same data directory: every accepted submission reaches New Social exactly once.
@Suite(.serialized) struct CrashRecoveryTests {
    final class ProxyProcess {
        let process = Process()
        init(arguments: [String], environment: [String: String]) throws {
            guard let executable = BuiltExecutable.ocmwProxy else { throw CocoaError(.fileNoSuchFile) }
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func freePort() -> Int { Int.random(in: 20_000...29_000) }

    @Test func killedMidDeliveryThenRestartedDeliversEverySubmissionOnce() async throws {
        guard BuiltExecutable.ocmwProxy != nil else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { simulator, ports in
            // Gent answers slowly, so deliveries are in flight when the proxy is killed.
            simulator.setFault(Fault(latencyMs: 400), for: TenantID("gent")!)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tenants = directory.appendingPathComponent("tenants.json")
            let registry = TenantsDocument(tenants: [TestTenants.entry(id: "gent", dialect: .v2, port: ports[TenantID("gent")!] ?? 0)])
            try JSONEncoder().encode(registry).write(to: tenants)
            let port = Self.freePort()
            let arguments = ["serve", "--tenants", tenants.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
                             "--data-dir", directory.path, "--dev-auth", "--allow-dev-auth", "--delivery-lease-seconds", "2",
                             "--log-level", "error"]
            var environment = ProcessInfo.processInfo.environment
            environment["OCMW_GENT_API_KEY"] = TestTenants.apiKey(forVariable: "OCMW_GENT_API_KEY")
            var proxy = try ProxyProcess(arguments: arguments, environment: environment)
            try await withCurlClient { curl in
                try await Self.waitUntilReady(curl, port: port)
                let key = try DevSigningKey(directory: directory.path)
                let token = try await key.token(scopes: ["ocmw.dossier.submit"], insz: nil, clientID: "crash-test",
                                                lifetime: .seconds(600))
                var locations: [String] = []
                for index in 0..<12 {
                    let response = try await curl.execute(BackendRequest(
                        method: .post, url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests",
                        headers: [HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("Idempotency-Key", "crash-\(index)"),
                                  HTTPHeader("Content-Type", "multipart/form-data; boundary=\(SubmissionIntakeEndToEndTests.boundary)")],
                        body: Array(buffer: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))))
                    #expect(response.status == 202)
                    if let location = response.header("location") { locations.append(location) }
                }
                // Some deliveries are now in flight (each takes 400 ms at Gent): kill the proxy.
                try await Task.sleep(for: .milliseconds(500))
                proxy.kill()
                simulator.setFault(.none, for: TenantID("gent")!)
                proxy = try ProxyProcess(arguments: arguments, environment: environment)
                defer { proxy.kill() }
                try await Self.waitUntilReady(curl, port: port)
                let deadline = ContinuousClock.now + .seconds(30)
                var delivered = 0
                while ContinuousClock.now < deadline {
                    delivered = 0
                    for location in locations {
                        let status = try await curl.execute(BackendRequest(
                            url: "http://127.0.0.1:\(port)\(location)", headers: [HTTPHeader("Authorization", "Bearer \(token)")]))
                        if String(decoding: status.body, as: UTF8.self).contains(#""status":"delivered""#) { delivered += 1 }
                    }
                    if delivered == locations.count { break }
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(locations.count == 12)
                #expect(delivered == 12)
                #expect(simulator.submissionsCreated(for: TenantID("gent")!) == 12, "exactly once at the OCMW")
            }
        }
    }

    static func waitUntilReady(_ curl: CurlClient, port: Int) async throws {
        for _ in 0..<200 {
            if let ready = try? await curl.execute(BackendRequest(url: "http://127.0.0.1:\(port)/health/ready")), ready.status == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the proxy did not become ready")
    }
}
