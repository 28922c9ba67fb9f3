import ArgumentParser

/// `ocmw-dev`: the developer's and performance engineer's companion to `ocmw-proxy`: the demo
/// with simulated OCMWs, development tokens and benchmarks. Not part of a production install.
@main
struct OCMWDevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocmw-dev",
        abstract: "Demo, development tokens and benchmarks for ocmw-proxy (not for production).",
        discussion: """
            Exit status as for ocmw-proxy (docs/cli.md): 0 success, 1 failure, 64 a malformed \
            command line (the command's usage is printed), 65 invalid data given (an INSZ), 66 a \
            file to read is missing (no development key). `demo` runs until SIGINT or SIGTERM and \
            then exits 0.
            """,
        subcommands: [DemoCommand.self, DevTokenCommand.self, DevKeyCommand.self, BenchJWTCommand.self, DevRoutingCommand.self]
    )
}
