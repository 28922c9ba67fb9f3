import ArgumentParser

/// `ocmw-proxy`: the multi-tenant proxy between Mijn Burgerprofiel and the OCMWs' New Social.
@main
struct OCMWProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocmw-proxy",
        abstract: "Multi-tenant proxy between Mijn Burgerprofiel and each OCMW's New Social.",
        discussion: """
            Exit status of every command (docs/cli.md): 0 success; 1 the answer is no (a check \
            failed, changes found, rows rejected); 64 a malformed command line (the command's usage \
            is printed); 65 invalid data given (an INSZ, an unknown tenant id); 66 a file or index \
            to read is missing or unreadable; 69 a service needed is unavailable (a backend that \
            does not answer, in tenants check); 73 an output \
            cannot be written; 78 the configuration is not valid (the tenants file, a missing \
            credential, serve's keys or admin token). `serve` runs until SIGINT or SIGTERM and then \
            exits 0.
            Shell completion: ocmw-proxy --generate-completion-script bash|zsh|fish (docs/cli.md).
            The demo, development tokens and benchmarks are in the separate tool ocmw-dev.
            """,
        subcommands: [ServeCommand.self, TenantsCommand.self, RoutingCommand.self, AuditCommand.self]
    )
}
