import Crypto
import Foundation
import PrivateFiles

extension OutboxKeyRing {
    /// The keys themselves: `id1:base64,id2:base64`, the first being current.
    public static let environmentVariable = "OCMW_OUTBOX_KEYS"
    /// The path of a file holding the same list (commas or newlines between entries).
    public static let fileEnvironmentVariable = "OCMW_OUTBOX_KEYS_FILE"
    /// The name of the generated development key file inside its directory.
    public static let developmentFileName = "outbox.keys"

    /// Parses `id:base64` entries separated by commas or newlines; the first is current.
    /// Blank entries and surrounding whitespace are ignored.
    /// - Throws: `OutboxKeyError` saying what is wrong (never echoing the key).
    public static func parse(_ text: some StringProtocol) throws(OutboxKeyError) -> OutboxKeyRing {
        var keys: [OutboxKey] = []
        let entries = text.split(whereSeparator: { $0 == "," || $0.isNewline })
        for entry in entries {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { throw OutboxKeyError(.malformedEntry) }
            let id = String(trimmed[..<colon])
            guard let bytes = Data(base64Encoded: String(trimmed[trimmed.index(after: colon)...])) else {
                throw OutboxKeyError(.notBase64)
            }
            keys.append(try OutboxKey(id: id, bytes: bytes))
        }
        guard let current = keys.first else { throw OutboxKeyError(.empty) }
        return try OutboxKeyRing(current: current, previous: Array(keys.dropFirst()))
    }

    /// Reads a key file in the `parse` format.
    /// - Throws: `OutboxKeyError` when it cannot be read or parsed.
    public static func read(file path: String) throws(OutboxKeyError) -> OutboxKeyRing {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutboxKeyError(.unreadableFile, path: path)
        }
        do { return try parse(String(decoding: data, as: UTF8.self)) } catch {
            throw OutboxKeyError(error.code, path: path)
        }
    }

    /// Development mode: the ring in `directory/outbox.keys`, created with one random key
    /// (file mode 0600, directory 0700) when missing, reused after that so rows written before a
    /// restart stay readable.
    /// - Throws: `OutboxKeyError` when the file can be neither read nor created.
    public static func loadOrCreateDevelopmentKeys(inDirectory directory: String) throws(OutboxKeyError) -> OutboxKeyRing {
        let path = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(developmentFileName).path
        let key = try OutboxKey.random(id: "dev-" + String(UInt32.random(in: .min ... .max), radix: 16))
        let contents: PrivateFile.Contents?
        do {
            contents = try PrivateFile.readOrCreate(atPath: path) { Data((key.exportedText + "\n").utf8) }
        } catch {
            throw OutboxKeyError(.cannotCreateFile, path: path)
        }
        guard let contents else { throw OutboxKeyError(.unreadableFile, path: path) }
        do { return try parse(String(decoding: contents.data, as: UTF8.self)) } catch {
            throw OutboxKeyError(error.code, path: path)
        }
    }

    /// The key ring configured by the environment.
    ///
    /// Looks in order at `OCMW_OUTBOX_KEYS`, `OCMW_OUTBOX_KEYS_FILE`, and, only when
    /// `developmentKeyDirectory` is given, the generated development key file there.
    /// - Parameters:
    ///   - environment: The process environment (injected for tests).
    ///   - developmentKeyDirectory: Where development keys may be generated (the data directory
    ///     in demo mode); `nil` in production, where a missing key is an error.
    /// - Throws: `OutboxKeyError` when no usable ring is found.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        developmentKeyDirectory: String? = nil
    ) throws(OutboxKeyError) -> OutboxKeyRing {
        if let text = environment[environmentVariable], !text.isEmpty { return try parse(text) }
        if let path = environment[fileEnvironmentVariable], !path.isEmpty { return try read(file: path) }
        if let directory = developmentKeyDirectory { return try loadOrCreateDevelopmentKeys(inDirectory: directory) }
        throw OutboxKeyError(.missing)
    }
}
