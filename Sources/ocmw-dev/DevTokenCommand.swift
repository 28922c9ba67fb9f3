import ArgumentParser
import CallerAuth
import Foundation
import OCMWCore
import ProxyBootstrap

/// `ocmw-dev dev-token`: prints a token signed by the development key, for demos and tests.
struct DevTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-token",
        abstract: "Print a bearer token signed by the development key (demo and --dev-auth only)."
    )

    @Option(help: "Data directory holding dev-key.pem (the demo uses DATA_DIR/demo).")
    var dataDir: String = "data/demo"

    @Option(parsing: .upToNextOption, help: "Scopes to grant (default: ocmw.dossier.read).")
    var scope: [String] = ["ocmw.dossier.read"]

    @Option(help: "Bind the token to one citizen (as a token-exchange token does).")
    var insz: String?

    @Option(help: "The token's client id (for the routing feed: newsocial:<ocmw id>).")
    var clientID: String = "mijn-burgerprofiel-dev"

    @Option(help: "Lifetime in minutes.")
    var minutes: Int = 60

    func run() async throws {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: dataDir).appendingPathComponent(DevSigningKey.fileName).path)
        else {
            throw ExitStatus.failing(
                "no development key in \(dataDir): run the demo (or serve --dev-auth) first", ExitStatus.noInput)
        }
        let key = try DevSigningKey(directory: dataDir)
        var citizen: INSZ?
        if let insz {
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            do { citizen = try INSZ(parsing: insz, currentYear: year) } catch {
                throw ExitStatus.failing("--insz: \(error)", ExitStatus.dataError)
            }
        }
        print(try await key.token(scopes: scope, insz: citizen, clientID: clientID, lifetime: .seconds(minutes * 60)))
    }
}
