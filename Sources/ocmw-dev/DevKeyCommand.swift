import ArgumentParser
import CallerAuth
import Foundation

/// `ocmw-dev dev-key`: creates the development signing key (if missing) and writes its public
/// JWKS, so that several `ocmw-proxy serve` processes can verify one issuer's tokens the way
/// production does (`--jwks FILE --issuer … --audience …`) while `dev-token` signs them.
struct DevKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-key",
        abstract: "Create the development signing key in a directory and write its public JWKS (scale-out rehearsals).",
        discussion: """
            Prints the issuer and audience the tokens of `dev-token --data-dir DIR` carry, for \
            `serve --jwks FILE --issuer ISS --audience AUD`. An existing key is kept.
            """
    )

    @Option(help: "Directory for dev-key.pem (created, mode 0700; the key file 0600).")
    var dataDir: String

    @Option(help: "Where to write the public JWKS.")
    var jwks: String

    func run() async throws {
        let key: DevSigningKey
        do {
            key = try DevSigningKey(directory: dataDir)
            try key.writeJWKS(toPath: jwks)
        } catch {
            throw ValidationError(error.description)
        }
        print("issuer=\(DevSigningKey.issuer)")
        print("audience=\(DevSigningKey.audience)")
    }
}
