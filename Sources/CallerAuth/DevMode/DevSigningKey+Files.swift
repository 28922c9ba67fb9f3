import Crypto
import Foundation
import PrivateFiles

extension DevSigningKey {
    /// Loads `dev-key.pem` from `directory`, or generates a key and writes it there (the
    /// directory is created if missing; the file is created with mode 0600).
    /// - Parameter directory: The data directory.
    /// - Throws: ``DevSigningKeyError`` when the directory or file cannot be used.
    public init(directory: String) throws(DevSigningKeyError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let fresh = P256.Signing.PrivateKey()
        let contents: PrivateFile.Contents?
        do {
            contents = try PrivateFile.readOrCreate(atPath: path) { Data(fresh.pemRepresentation.utf8) }
        } catch {
            throw DevSigningKeyError("cannot create \(path) (or its directory)")
        }
        guard let contents else { throw DevSigningKeyError("cannot read \(path)") }
        do {
            self.init(privateKey: try P256.Signing.PrivateKey(pemRepresentation: String(decoding: contents.data, as: UTF8.self)))
        } catch {
            throw DevSigningKeyError("\(path) is not a P-256 private key in PEM")
        }
    }

    /// Writes ``publicJWKSJSON`` to `path`, replacing the file atomically so that a key store
    /// polling it never reads half a file.
    /// - Throws: ``DevSigningKeyError`` when the file cannot be written.
    public func writeJWKS(toPath path: String) throws(DevSigningKeyError) {
        do {
            // Public, but in the data directory, where every file is the proxy user's only.
            let handle = try PrivateFile.create(atPath: path, exclusive: false)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(publicJWKSJSON.utf8))
        } catch {
            throw DevSigningKeyError("cannot write \(path)")
        }
    }
}

/// Why the development key could not be loaded or stored.
public struct DevSigningKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
