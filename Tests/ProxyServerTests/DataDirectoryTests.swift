import CallerAuth
import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// The data directory holds who receives help where, who looked at whose data and the
/// submissions waiting for delivery: `ocmw-proxy serve` keeps it 0700 and every file in it 0600,
/// the SQLite `-wal` and `-shm` files included, and narrows what it finds open at start-up.
@Suite struct DataDirectoryTests {
    private static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func serveKeepsTheDataDirectoryAndEveryFileInItPrivate() async throws {
        guard BuiltExecutable.ocmwProxy != nil else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { _, ports in
            let gent = TenantID("gent")!
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-data-\(UUID().uuidString)")
            let data = root.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            defer { try? FileManager.default.removeItem(at: root) }
            // As a backup restored by hand would leave it: an (empty, valid) index others can read.
            #expect(
                FileManager.default.createFile(
                    atPath: data.appendingPathComponent("routing.sqlite").path, contents: Data(),
                    attributes: [.posixPermissions: 0o644]))
            let tenants = try ServeFixture.gentTenantsFile(in: root, port: ports[gent] ?? 0)
            let port = FreePorts.pair()
            let proxy = try CrashRecoveryTests.ProxyProcess(
                arguments: [
                    "serve", "--tenants", tenants.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
                    "--data-dir", data.path, "--dev-auth", "--allow-dev-auth", "--log-level", "info",
                ],
                environment: ServeFixture.environmentWithGentKey)
            defer { proxy.kill() }
            try await withCurlClient { curl in
                try await CrashRecoveryTests.waitUntilReady(curl, port: port, process: proxy)
                let key = try DevSigningKey(directory: data.path)
                let token = try await key.token(
                    scopes: ["ocmw.dossier.read", "ocmw.dossier.submit"], insz: nil, clientID: "data-directory-test",
                    lifetime: .seconds(600))
                // A read (routing index and audit trail written) and a submission (outbox written).
                let read = try await curl.execute(
                    BackendRequest(
                        url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/dossier",
                        headers: [HTTPHeader("Authorization", "Bearer \(token)")]))
                #expect(read.status == 200)
                let submitted = try await curl.execute(
                    BackendRequest(
                        method: .post, url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests",
                        headers: [
                            HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("Idempotency-Key", "data-directory-1"),
                            HTTPHeader("Content-Type", "multipart/form-data; boundary=\(SubmissionIntakeEndToEndTests.boundary)"),
                        ],
                        body: Array(buffer: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))))
                #expect(submitted.status == 202)
                // The audit trail is written in batches: wait for its file, whatever the machine's pace.
                try await DeliveryEndToEndTests.eventually {
                    FileManager.default.fileExists(atPath: data.appendingPathComponent("audit.sqlite-wal").path)
                }
            }
            #expect(try Self.mode(data.path) == 0o700)
            let names = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            for database in ["routing.sqlite", "audit.sqlite", "outbox.sqlite"] {
                #expect(names.contains(database), "\(database) in \(names)")
                #expect(names.contains(database + "-wal"), "\(database)-wal in \(names)")
            }
            for name in names {
                let mode = try Self.mode(data.appendingPathComponent(name).path)
                #expect(mode & 0o077 == 0, "\(name) is \(String(mode, radix: 8))")
            }
            let log = (try? String(contentsOf: proxy.log, encoding: .utf8)) ?? ""
            #expect(log.contains("narrowed to 0700"), "the narrowed directory is logged")
        }
    }
}
