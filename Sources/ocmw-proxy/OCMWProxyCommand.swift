import ArgumentParser

/// `ocmw-proxy`: the multi-tenant proxy between Mijn Burgerprofiel and the OCMWs' New Social.
@main
struct OCMWProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocmw-proxy",
        abstract: "Multi-tenant proxy between Mijn Burgerprofiel and each OCMW's New Social.",
        discussion: """
            Exit status of every command: 0 success, 1 failure (a problem found, a check failed, a \
            file not valid), 64 a malformed command line; `tenants check` and `tenants diff` also use \
            2 (see their --help). `serve` runs until SIGINT or SIGTERM and then exits 0.
            Shell completion: ocmw-proxy --generate-completion-script bash|zsh|fish (docs/cli.md).
            The demo, development tokens and benchmarks are in the separate tool ocmw-dev.
            """,
        subcommands: [ServeCommand.self, TenantsCommand.self, RoutingCommand.self, AuditCommand.self]
    )
}
