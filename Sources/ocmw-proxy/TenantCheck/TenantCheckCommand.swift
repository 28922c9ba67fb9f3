import ArgumentParser
import BackendAccess
import CurlClient
import Foundation
import Logging
import OCMWCore
import ProxyBootstrap
import ProxyServer

/// `ocmw-proxy tenants check ID`: probes one tenant's backend and prints a report.
struct TenantCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe one tenant's New Social before it goes live, and print what works.",
        discussion: """
            Works for a tenant in any state (an onboarding tenant gets no citizen traffic, but can be \
            checked). Checks: configuration, credentials (present or not; the value is never shown), \
            reachable, TLS, dialect (the 'unknown citizen' answer), every part for the test citizen \
            (--insz), and a latency sample. The test citizen's number is never printed.
            Exit status: 0 when every check passed (warnings allowed), 69 when the backend is \
            unavailable (no connection, no answer in time, or a 5xx answer), 1 when another check \
            failed (credentials, TLS, dialect, a part), 65 an \
            unknown tenant id or an invalid --insz, 66 the tenants file cannot be read, 78 it is \
            not valid, 64 a malformed command line (--samples out of range among them).
            """
    )

    @Argument(help: "The tenant's id in the tenants file.")
    var id: String

    @Option(help: "Path of the tenants file.")
    var tenants: String = "tenants.json"

    @Option(help: "INSZ of a test citizen this OCMW keeps for checks: every part is fetched and parsed.")
    var insz: String?

    @Option(help: "Sequential probe calls for the latency sample (1-100).")
    var samples: Int = 5

    @Flag(help: "Print the report as JSON.")
    var json: Bool = false

    func validate() throws {
        guard (1...100).contains(samples) else { throw ValidationError("--samples must be between 1 and 100") }
    }

    func run() async throws {
        let today = DayDate.inBelgium(at: Date())
        let testCitizen: INSZ?
        do {
            testCitizen = try insz.map { try INSZ(parsing: $0, currentYear: today.year) }
        } catch {
            throw ExitStatus.failing("--insz: \(error)", ExitStatus.dataError)
        }
        let registry: TenantRegistry
        do {
            registry = try TenantsFile.load(path: tenants)
        } catch let error as TenantsFile.LoadError {
            try print(Self.invalidFile(id: id, problem: "\(error)"))
            throw error.status
        }
        guard let tenantID = TenantID(id), let tenant = registry.tenant(tenantID) else {
            let known = registry.tenants.map(\.id.rawValue).joined(separator: ", ")
            throw ExitStatus.failing("no tenant '\(id)' in \(tenants) (known: \(known))", ExitStatus.dataError)
        }
        let report = await Self.withClient { client in
            let credentials = BackendCredentials(client: client, logger: Self.quietLogger)
            let authentication: Result<[HTTPHeader], CredentialError>
            do throws(CredentialError) {
                authentication = .success(try await credentials.headers(for: tenant))
            } catch {
                authentication = .failure(error)
            }
            return await TenantCheck(
                tenant: tenant, client: client, testCitizen: testCitizen, samples: samples,
                today: today, authentication: authentication
            ).run()
        }
        try print(report)
        if !report.passed { throw report.backendUnavailable ? ExitStatus.unavailable : ExitStatus.finding }
    }

    private func print(_ report: TenantCheckReport) throws {
        FileHandle.standardOutput.write(Data((json ? try report.json() : report.text).utf8))
    }

    /// The report when the tenants file itself does not load: only the configuration line, failed.
    private static func invalidFile(id: String, problem: String) -> TenantCheckReport {
        TenantCheckReport(
            tenant: id, name: nil, state: nil,
            checks: [
                .init(
                    name: "configuration", outcome: .failed, summary: "the tenants file is not valid",
                    details: problem.split(separator: "\n").map(String.init))
            ])
    }

    /// The report is the output: nothing is logged.
    private static let quietLogger = Logger(label: "tenants-check", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs a curl client for the duration of `body`, then stops it.
    private static func withClient<T: Sendable>(_ body: @Sendable (CurlClient) async -> T) async -> T {
        let client = CurlClient(logger: quietLogger)
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await client.run() }
            let result = await body(client)
            group.cancelAll()
            return result
        }
    }
}
