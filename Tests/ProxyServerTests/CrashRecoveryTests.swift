import CallerAuth
import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// The proxy as a real process, killed with SIGKILL while deliveries are in flight and started
/// again on the same data directory: every accepted submission reaches New Social exactly once.
///
/// Gent hangs while the first process delivers, so what that process sent created nothing (the
/// simulated OCMW creates a submission only when it answers); after the restart the OCMW must
/// receive each of the twelve exactly once more — counted before its own de-duplication.
@Suite(.serialized) struct CrashRecoveryTests {
    /// `ocmw-proxy` as a child process; what it writes goes to a log file, shown when it does
    /// not become ready.
    final class ProxyProcess {
        let process = Process()
        let log: URL

        init(arguments: [String], environment: [String: String]) throws {
            guard let executable = BuiltExecutable.ocmwProxy else { throw CocoaError(.fileNoSuchFile) }
            log = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-proxy-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let output = try FileHandle(forWritingTo: log)
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = output
            process.standardError = output
            try process.run()
        }

        func kill() {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        /// The end of what the process wrote.
        var logTail: String {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return String(text.suffix(2_000))
        }

        deinit { try? FileManager.default.removeItem(at: log) }
    }

    @Test func killedMidDeliveryThenRestartedDeliversEverySubmissionOnce() async throws {
        guard BuiltExecutable.ocmwProxy != nil else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { simulator, ports in
            let gent = TenantID("gent")!
            simulator.setFault(Fault(mode: .hang), for: gent)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            // A delivery lasts at most 2 s plus 0.5 s in the bulkhead, so its lease (12.5 s) runs
            // out soon after the kill and the restarted process takes the submissions over.
            let tenants = try ServeFixture.gentTenantsFile(
                in: directory, port: ports[gent] ?? 0,
                limits: .init(connectTimeoutMs: 2_000, queueTimeoutMs: 500, deliveryTimeoutMs: 2_000))
            let port = FreePorts.pair()
            let arguments = [
                "serve", "--tenants", tenants.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
                "--data-dir", directory.path, "--dev-auth", "--allow-dev-auth", "--delivery-lease-seconds", "2",
                "--log-level", "info",
            ]
            var proxy = try ProxyProcess(arguments: arguments, environment: ServeFixture.environmentWithGentKey)
            try await withCurlClient { curl in
                try await Self.waitUntilReady(curl, port: port, process: proxy)
                let key = try DevSigningKey(directory: directory.path)
                let token = try await key.token(
                    scopes: ["ocmw.dossier.submit"], insz: nil, clientID: "crash-test",
                    lifetime: .seconds(600))
                var locations: [String] = []
                for index in 0..<12 {
                    let response = try await curl.execute(
                        BackendRequest(
                            method: .post, url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests",
                            headers: [
                                HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("Idempotency-Key", "crash-\(index)"),
                                HTTPHeader("Content-Type", "multipart/form-data; boundary=\(SubmissionIntakeEndToEndTests.boundary)"),
                            ],
                            body: Array(buffer: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))))
                    #expect(response.status == 202)
                    if let location = response.header("location") { locations.append(location) }
                }
                // Kill only once deliveries are in flight at Gent (hung there), whatever the machine's pace.
                try await DeliveryEndToEndTests.eventually { simulator.statistics(for: gent).requestsInFlight > 0 }
                #expect(simulator.statistics(for: gent).requestsInFlight > 0, "deliveries were in flight at the kill")
                proxy.kill()
                // Once the dead process's connections are closed at Gent, every byte it sent has been read.
                try await DeliveryEndToEndTests.eventually { simulator.statistics(for: gent).connectionsOpen == 0 }
                let receivedBeforeRestart = simulator.submissionsReceived(for: gent)
                #expect(simulator.submissionsCreated(for: gent) == 0, "the hung OCMW created nothing")
                simulator.setFault(.none, for: gent)
                proxy = try ProxyProcess(arguments: arguments, environment: ServeFixture.environmentWithGentKey)
                defer { proxy.kill() }
                try await Self.waitUntilReady(curl, port: port, process: proxy)
                var delivered = 0
                for _ in 0..<600 {
                    delivered = 0
                    for location in locations {
                        let status = try await curl.execute(
                            BackendRequest(
                                url: "http://127.0.0.1:\(port)\(location)", headers: [HTTPHeader("Authorization", "Bearer \(token)")]))
                        if String(decoding: status.body, as: UTF8.self).contains(#""status":"delivered""#) { delivered += 1 }
                    }
                    if delivered == locations.count { break }
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(locations.count == 12)
                #expect(delivered == 12)
                #expect(simulator.submissionsCreated(for: gent) == 12, "every submission created at the OCMW")
                #expect(
                    simulator.submissionsReceived(for: gent) - receivedBeforeRestart == 12,
                    "after the restart each was sent once: none lost, none sent twice")
                #expect(simulator.duplicatesAnswered(for: gent) == 0)
            }
        }
    }

    /// Waits until the child answers `/health/ready` with 200, giving up when it exited (with
    /// what it wrote) or after two minutes (a debug build starting on a busy machine may be slow).
    static func waitUntilReady(_ curl: CurlClient, port: Int, process: ProxyProcess) async throws {
        for _ in 0..<2_400 {
            if let ready = try? await curl.execute(BackendRequest(url: "http://127.0.0.1:\(port)/health/ready")), ready.status == 200 {
                return
            }
            guard process.process.isRunning else {
                Issue.record("the proxy exited (status \(process.process.terminationStatus)) before it was ready: \(process.logTail)")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the proxy did not become ready: \(process.logTail)")
    }
}
