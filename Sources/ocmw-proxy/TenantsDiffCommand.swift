import ArgumentParser
import OCMWCore
import ProxyBootstrap

/// `ocmw-proxy tenants diff OLD NEW`: what replacing one tenants file by another would change.
struct TenantsDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a reload from OLD to NEW would change: tenants added, removed, and changed field by field.",
        discussion: """
            Both files are validated as a reload would: if NEW has a problem, a reload would reject \
            it whole and keep OLD, and that is what this prints. For every changed tenant it says \
            whether its circuit breaker and counters start afresh (its limits changed) and whether \
            it starts or stops receiving citizen traffic. Secrets are never read: only where they \
            are (env or file) is compared.
            Exit status: 0 no change, 1 changes (as diff(1)), 66 a file cannot be read, 78 a file \
            is not valid, 64 usage error.
            """
    )

    @Argument(help: "The tenants file in force (e.g. the running proxy's).")
    var old: String

    @Argument(help: "The tenants file that would replace it.")
    var new: String

    func run() throws {
        let before: TenantRegistry
        let after: TenantRegistry
        do {
            before = try TenantsFile.load(path: old)
            after = try TenantsFile.load(path: new)
        } catch let error as TenantsFile.LoadError {
            printToStandardError(error.description)
            printToStandardError("a reload would be rejected: the configuration in force stays")
            throw error.status
        }
        let diff = TenantRegistryDiff(from: before, to: after)
        print(Self.render(diff))
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// The diff as text: one block per tenant, `+` added, `-` removed, `~` changed.
    static func render(_ diff: TenantRegistryDiff) -> String {
        guard !diff.isEmpty else { return "no change: a reload would keep every tenant as it is" }
        var lines: [String] = []
        for tenant in diff.added {
            lines.append(
                "+ \(tenant.id)  added, \(tenant.state.rawValue)\(tenant.receivesTraffic ? " (receives citizen traffic at once)" : "")")
        }
        for tenant in diff.removed {
            lines.append(
                "- \(tenant.id)  removed\(tenant.receivesTraffic ? " (stops receiving citizen traffic; calls running finish)" : "")")
        }
        for change in diff.changed {
            lines.append("~ \(change.new.id)  \(consequences(of: change).joined(separator: "; "))")
            let width = change.fields.map(\.field.count).max() ?? 0
            for field in change.fields {
                let name = field.field.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("    \(name)  \(field.old) → \(field.new)")
            }
        }
        lines.append(
            "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.unchanged.count) unchanged")
        return lines.joined(separator: "\n")
    }

    private static func consequences(of change: TenantRegistryDiff.ChangedTenant) -> [String] {
        var notes = ["changed"]
        if change.old.receivesTraffic != change.new.receivesTraffic {
            notes.append(change.new.receivesTraffic ? "starts receiving citizen traffic" : "stops receiving citizen traffic")
        }
        notes.append(
            change.resetsRuntimeState
                ? "limits changed: breaker and counters start afresh"
                : "keeps its breaker and counters")
        return notes
    }
}
