import ArgumentParser
import Foundation
import LoadTest

/// Where the load goes: a running proxy given by URL and tokens, or a demo the harness starts.
struct TargetOptions: ParsableArguments {
    @Flag(help: "Start `ocmw-dev demo` (simulated OCMWs + proxy) for the run, on the ports below, and stop it after.")
    var startDemo = false

    @Option(help: "The ocmw-dev binary for --start-demo (default: next to this executable).")
    var devBinary: String?

    @Option(help: "The proxy's base URL (without --start-demo).")
    var proxy: String?

    @Option(help: "Bearer token for the citizen calls (ocmw.dossier.read, ocmw.dossier.submit); or OCMW_LOADTEST_TOKEN.")
    var token: String?

    @Option(help: "The proxy's admin base URL, for reload and onboarding actions.")
    var admin: String?

    @Option(help: "The admin API's bearer token; or OCMW_LOADTEST_ADMIN_TOKEN.")
    var adminToken: String?

    @Option(help: "The simulator's fault-injection admin base URL, for fault and heal actions.")
    var simulatorAdmin: String?

    @Option(help: "The tenants file the proxy runs with (default: the scenario's). Onboarding actions rewrite it.")
    var tenantsFile: String?

    @Option(help: "--start-demo: the proxy's port.")
    var demoPort = 18_480

    @Option(help: "--start-demo: the proxy's admin port.")
    var demoAdminPort = 19_480

    @Option(help: "--start-demo: the simulator's admin port.")
    var demoSimulatorAdminPort = 19_481

    @Option(help: "--start-demo: simulated OCMW n listens on this port + n (the tenants file is copied with these ports).")
    var demoBackendBasePort = 29_500

    /// The target and the tenants file of the run.
    struct Resolved {
        var target: LoadTarget
        var tenantsFile: String
    }

    func resolve(scenario: Scenario, demo: DemoProcess?) throws -> Resolved {
        if let demo {
            return Resolved(
                target: LoadTarget(
                    proxyURL: demo.proxyURL, token: demo.token, adminURL: demo.adminURL,
                    adminToken: demo.adminToken, simulatorAdminURL: demo.simulatorAdminURL,
                    tenantsFile: demo.tenantsFile),
                tenantsFile: demo.tenantsFile)
        }
        let environment = ProcessInfo.processInfo.environment
        guard let proxy else { throw ValidationError("give --proxy URL (and --token), or --start-demo") }
        guard let token = token ?? environment["OCMW_LOADTEST_TOKEN"] else {
            throw ValidationError(
                "give --token or OCMW_LOADTEST_TOKEN (e.g. from `ocmw-dev dev-token --scope ocmw.dossier.read ocmw.dossier.submit`)")
        }
        if scenario.tenants.generate != nil, tenantsFile == nil {
            throw ValidationError("this scenario generates its tenants: give --tenants-file, the file the proxy runs with")
        }
        let file = tenantsFile ?? scenario.tenants.file ?? "tenants.json"
        return Resolved(
            target: LoadTarget(
                proxyURL: proxy, token: token, adminURL: admin,
                adminToken: adminToken ?? environment["OCMW_LOADTEST_ADMIN_TOKEN"],
                simulatorAdminURL: simulatorAdmin, tenantsFile: file),
            tenantsFile: file)
    }
}
