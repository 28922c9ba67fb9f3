import CallerAuth
import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import PostgresNIO
import PostgresTesting
import ProxyTesting
import Testing

/// `serve --database-url` as a real process: the audit trail, the outbox and the routing index all
/// go to PostgreSQL, and no SQLite store is created in the data directory.
///
/// The process uses the database's default schema (`public`), not a per-test one: the test looks
/// there and removes the rows it made.
@Suite(
    "serve --database-url",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct ServeDatabaseURLTests {
    @Test("Submissions, registrations and audit records land in PostgreSQL; the data directory holds no database")
    func everyStoreInPostgres() async throws {
        guard BuiltExecutable.ocmwProxy != nil, let url = PostgresTestDatabase.url else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        try await withSimulator([("gent", .v2)], requireAPIKeys: true) { _, ports in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-pg-serve-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let tenants = try ServeFixture.gentTenantsFile(in: directory, port: ports[TenantID("gent")!] ?? 0)
            let data = directory.appendingPathComponent("data")
            let port = FreePorts.pair()
            let proxy = try CrashRecoveryTests.ProxyProcess(
                arguments: [
                    "serve", "--tenants", tenants.path, "--port", "\(port)", "--admin-port", "\(port + 1)",
                    "--data-dir", data.path, "--dev-auth", "--allow-dev-auth", "--database-url", url, "--log-level", "info",
                ], environment: ServeFixture.environmentWithGentKey)
            defer { proxy.kill() }
            let key = "serve-pg-\(UUID().uuidString)"
            try await withCurlClient { curl in
                try await CrashRecoveryTests.waitUntilReady(curl, port: port, process: proxy)
                let token = try await DevSigningKey(directory: data.path)
                    .token(scopes: ["ocmw.dossier.submit"], insz: nil, clientID: "serve-pg-test", lifetime: .seconds(600))
                let response = try await curl.execute(
                    BackendRequest(
                        method: .post, url: "http://127.0.0.1:\(port)/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests",
                        headers: [
                            HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("Idempotency-Key", key),
                            HTTPHeader("Content-Type", "multipart/form-data; boundary=\(SubmissionIntakeEndToEndTests.boundary)"),
                        ],
                        body: Array(buffer: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()))))
                #expect(response.status == 202)
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: data.path)
            #expect(!files.contains { $0.contains(".sqlite") }, "no SQLite store: \(files)")
            try await PostgresTestDatabase.withClients { clients in
                let logger = PostgresTestDatabase.logger
                var stored = 0
                for try await count in try await clients[0].query(
                    """
                    SELECT count(*) FROM public.outbox_submission WHERE idempotency_key = \(key)
                    """, logger: logger
                ).decode(Int64.self) { stored = Int(count) }
                #expect(stored == 1)
                for table in ["public.routing_registration", "public.audit_record"] {
                    for try await exists in try await clients[0].query(
                        "SELECT to_regclass(\(table)) IS NOT NULL", logger: logger
                    ).decode(Bool.self) {
                        #expect(exists, "\(table) exists")
                    }
                }
                try await clients[0].query("DELETE FROM public.outbox_submission WHERE idempotency_key = \(key)", logger: logger)
            }
        }
    }

    @Test("audit export and prune read the trail in PostgreSQL with --database-url")
    func auditCommandsUsePostgres() async throws {
        guard let executable = BuiltExecutable.ocmwProxy, let url = PostgresTestDatabase.url else {
            Issue.record("ocmw-proxy is not built; run `swift build --build-tests` first")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-pg-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = directory.appendingPathComponent("audit.csv")
        let today = DayDate.inBelgium(at: Date()).description
        // An empty data directory: were the SQLite trail used, both commands would fail ("no audit trail").
        let empty = directory.appendingPathComponent("data").path
        let exported = try Self.run(
            executable,
            [
                "audit", "export", "--from", today, "--to", today, "--format", "csv",
                export.path, "--data-dir", empty, "--database-url", url,
            ])
        #expect(exported.status == 0, "\(exported.errors)")
        let text = try String(contentsOf: export, encoding: .utf8)
        #expect(text.hasPrefix("time,"), "a CSV header first: \(text.prefix(80))")
        let pruned = try Self.run(executable, ["audit", "prune", "--days", "400", "--data-dir", empty, "--database-url", url])
        #expect(pruned.status == 0, "\(pruned.errors)")
        #expect(pruned.output.contains("remain"))
    }

    /// Runs the executable to completion; output through files so a long one cannot block on a pipe.
    private static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}
