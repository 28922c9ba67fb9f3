import AuditTrail
import Foundation
import OCMWCore
import Testing

@Suite("Pseudonym keys")
struct PseudonymKeyTests {
    typealias F = AuditFixtures

    @Test("A key in the environment is read as hex or base64, both giving the same pseudonyms")
    func environmentKey() throws {
        let hex = F.key.map { String(format: "%02x", $0) }.joined()
        let base64 = Data(F.key).base64EncodedString()
        let fromHex = try INSZPseudonymizer.fromEnvironment([PseudonymKey.environmentVariable: hex])
        let fromBase64 = try INSZPseudonymizer.fromEnvironment([PseudonymKey.environmentVariable: " \(base64)\n"])
        let expected = F.pseudonymizer.pseudonym(for: F.citizen(3))
        #expect(fromHex.pseudonym(for: F.citizen(3)) == expected)
        #expect(fromBase64.pseudonym(for: F.citizen(3)) == expected)
    }

    @Test("Key text that is neither hex nor base64, or too short, is refused", arguments: ["not a key!", "00ff", ""])
    func badKeyText(text: String) {
        #expect(throws: PseudonymKeyError.self) { try PseudonymKey.decode(text: text) }
    }

    @Test("Without any key and outside development mode, loading fails")
    func missingKey() {
        #expect(throws: PseudonymKeyError.self) { try INSZPseudonymizer.fromEnvironment([:]) }
    }

    @Test("A key file named by the environment is used")
    func keyFile() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("key.b64")
        try Data(Data(F.key).base64EncodedString().utf8).write(to: file)
        let loaded = try INSZPseudonymizer.fromEnvironment([PseudonymKey.fileEnvironmentVariable: file.path])
        #expect(loaded.pseudonym(for: F.citizen(1)) == F.pseudonymizer.pseudonym(for: F.citizen(1)))
    }

    @Test("Development mode creates a 32-byte key file with mode 0600 once, then reuses it")
    func developmentKey() throws {
        let directory = try F.temporaryDirectory().appendingPathComponent("data")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let first = try INSZPseudonymizer.fromEnvironment([:], developmentKeyDirectory: directory.path)
        let path = directory.appendingPathComponent(PseudonymKey.developmentFileName).path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        let second = try INSZPseudonymizer.fromEnvironment([:], developmentKeyDirectory: directory.path)
        #expect(first.pseudonym(for: F.citizen(2)) == second.pseudonym(for: F.citizen(2)))
        // A second directory gets a key of its own.
        let elsewhere = try INSZPseudonymizer.fromEnvironment([:], developmentKeyDirectory: directory.path + "-2")
        defer { try? FileManager.default.removeItem(atPath: directory.path + "-2") }
        #expect(elsewhere.pseudonym(for: F.citizen(2)) != first.pseudonym(for: F.citizen(2)))
    }

    @Test("The environment key wins over development mode")
    func environmentWins() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hex = F.key.map { String(format: "%02x", $0) }.joined()
        let loaded = try INSZPseudonymizer.fromEnvironment(
            [PseudonymKey.environmentVariable: hex],
            developmentKeyDirectory: directory.path)
        #expect(loaded.pseudonym(for: F.citizen(0)) == F.pseudonymizer.pseudonym(for: F.citizen(0)))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(PseudonymKey.developmentFileName).path))
    }
}
