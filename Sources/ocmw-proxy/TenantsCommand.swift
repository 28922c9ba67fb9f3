import ArgumentParser
import BackendAccess
import OCMWCore
import ProxyBootstrap

/// `ocmw-proxy tenants …`: operators' commands on `tenants.json`.
struct TenantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "List, validate, compare and edit tenants files, and check a tenant's backend.",
        subcommands: [
            TenantsListCommand.self, ValidateCommand.self, TenantCheckCommand.self, TenantsDiffCommand.self,
            TenantsSetStateCommand.self,
        ]
    )

    /// `ocmw-proxy tenants validate [PATH]`.
    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Validate a tenants file: prints every problem and exits 78 if there is any.",
            discussion: """
                Runs exactly the validation a reload runs, credentials included: an active tenant \
                whose secret (environment variable or file, as the proxy would read it here) is \
                missing is a problem, since a reload would refuse the file. --without-credentials \
                skips that part, to validate a file on a machine that does not hold the secrets.
                Exit status: 0 valid, 78 not valid (every problem printed, tenant and field named), \
                66 unreadable, 64 usage error.
                """
        )

        @Argument(help: "Path of the tenants file.")
        var path: String = "tenants.json"

        @Flag(help: "Do not check that active tenants' secrets are present (CI, review machines).")
        var withoutCredentials = false

        func run() throws {
            do {
                let registry = try TenantsFile.load(
                    path: path, checkingCredentialsIn: withoutCredentials ? nil : BackendCredentials.processEnvironment)
                let states = TenantState.allCases.map { state in
                    "\(registry.tenants.filter { $0.state == state }.count) \(state.rawValue)"
                }
                print("\(path): OK, \(registry.tenants.count) tenants (\(states.joined(separator: ", ")))")
                if registry.activeTenants.isEmpty {
                    // Valid, but a proxy serving it is never ready: say so before it is deployed.
                    print("warning: no tenant is active: /health/ready answers 503 and no citizen read asks any OCMW")
                }
            } catch let error as TenantsFile.LoadError {
                print(error.description)
                throw error.status
            }
        }
    }
}
