import ArgumentParser

/// `ocmw-proxy`: the multi-tenant proxy between Mijn Burgerprofiel and the OCMWs' New Social.
@main
struct OCMWProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocmw-proxy",
        abstract: "Multi-tenant proxy between Mijn Burgerprofiel and each OCMW's New Social.",
        subcommands: [ServeCommand.self, DemoCommand.self, TenantsCommand.self, RoutingCommand.self, AuditCommand.self,
                      DevTokenCommand.self, BenchJWTCommand.self]
    )
}
