import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DevSigningKey {
    /// Loads `dev-key.pem` from `directory`, or generates a key and writes it there (the
    /// directory is created if missing; the file is created with mode 0600).
    /// - Parameter directory: The data directory.
    /// - Throws: ``DevSigningKeyError`` when the directory or file cannot be used.
    public init(directory: String) throws(DevSigningKeyError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DevSigningKeyError("cannot create directory \(directory)")
        }
        if let existing = try Self.read(path: path) {
            self.init(privateKey: existing)
            return
        }
        let key = P256.Signing.PrivateKey()
        if try Self.createExclusively(path: path, contents: key.pemRepresentation) {
            self.init(privateKey: key)
        } else if let existing = try Self.read(path: path) {
            // Another process created the file between our read and our create: use its key.
            self.init(privateKey: existing)
        } else {
            throw DevSigningKeyError("cannot create \(path)")
        }
    }

    /// Writes ``publicJWKSJSON`` to `path`, replacing the file atomically so that a key store
    /// polling it never reads half a file.
    /// - Throws: ``DevSigningKeyError`` when the file cannot be written.
    public func writeJWKS(toPath path: String) throws(DevSigningKeyError) {
        do {
            try Data(publicJWKSJSON.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DevSigningKeyError("cannot write \(path)")
        }
    }

    private static func read(path: String) throws(DevSigningKeyError) -> P256.Signing.PrivateKey? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: String(decoding: data, as: UTF8.self))
        } catch {
            throw DevSigningKeyError("\(path) is not a P-256 private key in PEM")
        }
    }

    /// Creates the file with mode 0600 from the start (never world-readable, not even briefly).
    /// - Returns: `false` when the file already exists.
    private static func createExclusively(path: String, contents: String) throws(DevSigningKeyError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw DevSigningKeyError("cannot create \(path)")
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw DevSigningKeyError("cannot write \(path)") }
        return true
    }
}

/// Why the development key could not be loaded or stored.
public struct DevSigningKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
