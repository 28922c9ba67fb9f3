import Crypto
import Foundation
import PrivateFiles

/// Where the pseudonym key comes from: the environment, a file, or (development only) a key file
/// generated on first use.
public enum PseudonymKey {
    /// The key itself, as hexadecimal or base64 text.
    public static let environmentVariable = "OCMW_PSEUDONYM_KEY"
    /// The path of a file holding the key (raw bytes, hexadecimal or base64 text).
    public static let fileEnvironmentVariable = "OCMW_PSEUDONYM_KEY_FILE"
    /// The name of the generated development key file inside its directory.
    public static let developmentFileName = "pseudonym.key"

    /// Decodes key text: hexadecimal when every character is a hex digit (and the length is even),
    /// base64 otherwise. Surrounding whitespace is ignored.
    /// - Throws: `PseudonymKeyError` when the text is neither, or decodes to fewer than 32 bytes.
    public static func decode(text: some StringProtocol) throws(PseudonymKeyError) -> [UInt8] {
        let trimmed = String(text).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes: [UInt8]
        if let hex = hexBytes(trimmed) {
            bytes = hex
        } else if let data = Data(base64Encoded: trimmed) {
            bytes = Array(data)
        } else {
            throw PseudonymKeyError(.notHexOrBase64)
        }
        guard bytes.count >= INSZPseudonymizer.minimumKeyBytes else { throw PseudonymKeyError(.tooShort) }
        return bytes
    }

    /// Reads a key file: hexadecimal or base64 text when it reads as such, raw bytes otherwise
    /// (the form `loadOrCreateDevelopmentKey` writes).
    /// - Throws: `PseudonymKeyError` when the file cannot be read or holds fewer than 32 bytes.
    public static func read(file path: String) throws(PseudonymKeyError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PseudonymKeyError(.unreadableFile, path: path)
        }
        if let text = String(data: data, encoding: .utf8), let bytes = try? decode(text: text) { return bytes }
        guard data.count >= INSZPseudonymizer.minimumKeyBytes else { throw PseudonymKeyError(.tooShort, path: path) }
        return Array(data)
    }

    /// Development mode: the key in `directory/pseudonym.key`, created with 32 random bytes and
    /// mode 0600 (and the directory with 0700) when missing, reused after that so pseudonyms stay
    /// stable across restarts.
    /// - Throws: `PseudonymKeyError` when the file can be neither read nor created.
    public static func loadOrCreateDevelopmentKey(inDirectory directory: String) throws(PseudonymKeyError) -> [UInt8] {
        let path = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(developmentFileName).path
        let created: PrivateFile.Contents?
        do {
            created = try PrivateFile.readOrCreate(atPath: path) {
                SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            }
        } catch {
            throw PseudonymKeyError(.cannotCreateFile, path: path)
        }
        // A file that was there (or that another process won the race to create) is read as any
        // configured key file is, with the same checks.
        guard let created, created.created else { return try read(file: path) }
        return Array(created.data)
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count.isMultiple(of: 2) else { return nil }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 97...102: byte - 87
            case 65...70: byte - 55
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}

extension INSZPseudonymizer {
    /// The pseudonymizer configured by the environment.
    ///
    /// Looks in order at `OCMW_PSEUDONYM_KEY` (hex or base64), `OCMW_PSEUDONYM_KEY_FILE`, and, only
    /// when `developmentKeyDirectory` is given, the generated development key there.
    /// - Parameters:
    ///   - environment: The process environment (injected for tests).
    ///   - developmentKeyDirectory: Where a development key may be generated (e.g. `DATA_DIR` in
    ///     demo mode); `nil` in production, where a missing key is an error.
    /// - Throws: `PseudonymKeyError` when no usable key is found.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        developmentKeyDirectory: String? = nil
    ) throws(PseudonymKeyError) -> INSZPseudonymizer {
        if let text = environment[PseudonymKey.environmentVariable], !text.isEmpty {
            return try INSZPseudonymizer(keyBytes: PseudonymKey.decode(text: text))
        }
        if let path = environment[PseudonymKey.fileEnvironmentVariable], !path.isEmpty {
            return try INSZPseudonymizer(keyBytes: PseudonymKey.read(file: path))
        }
        if let directory = developmentKeyDirectory {
            return try INSZPseudonymizer(keyBytes: PseudonymKey.loadOrCreateDevelopmentKey(inDirectory: directory))
        }
        throw PseudonymKeyError(.missing)
    }
}
