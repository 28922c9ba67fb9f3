import Foundation
import Outbox
import StoreConformance
import Testing

@Suite("Outbox key ring")
struct OutboxKeyRingTests {
    private let keyA = Data(repeating: 1, count: 32).base64EncodedString()
    private let keyB = Data(repeating: 2, count: 32).base64EncodedString()

    @Test("The environment list makes its first key current and keeps the others for reading")
    func fromEnvironmentList() throws {
        let ring = try OutboxKeyRing.fromEnvironment([OutboxKeyRing.environmentVariable: "new:\(keyB), old:\(keyA)"])
        #expect(ring.current.id == "new")
        #expect(ring.keyIDs == ["new", "old"])
    }

    @Test("A key file in the same format is read, newlines or commas between entries")
    func fromFile() throws {
        let directory = try OutboxFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("keys").path
        try Data("b:\(keyB)\n\na:\(keyA)\n".utf8).write(to: URL(fileURLWithPath: path))
        let ring = try OutboxKeyRing.fromEnvironment([OutboxKeyRing.fileEnvironmentVariable: path])
        #expect(ring.keyIDs == ["b", "a"])
    }

    @Test(
        "Bad key lists are rejected with the reason",
        arguments: [
            ("", "empty"), ("nokey", "malformedEntry"), ("a:!!!", "notBase64"),
            ("a:" + Data(repeating: 1, count: 16).base64EncodedString(), "wrongKeyLength"),
            ("a b:" + Data(repeating: 1, count: 32).base64EncodedString(), "invalidKeyID"),
            (
                "a:" + Data(repeating: 1, count: 32).base64EncodedString() + ",a:" + Data(repeating: 2, count: 32).base64EncodedString(),
                "duplicateKeyID"
            ),
        ])
    func rejected(text: String, reason: String) {
        let error = #expect(throws: OutboxKeyError.self) { try OutboxKeyRing.parse(text) }
        #expect(error?.reason == reason)
        #expect(error?.description.contains(keyA) == false)
    }

    @Test("Without configuration and outside development mode there is no ring")
    func missing() {
        let error = #expect(throws: OutboxKeyError.self) { try OutboxKeyRing.fromEnvironment([:]) }
        #expect(error?.reason == "missing")
    }

    @Test("Development mode generates a private key file once and reuses it")
    func developmentKeys() throws {
        let directory = try OutboxFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyDirectory = directory.appendingPathComponent("data").path
        let first = try OutboxKeyRing.fromEnvironment([:], developmentKeyDirectory: keyDirectory)
        let second = try OutboxKeyRing.loadOrCreateDevelopmentKeys(inDirectory: keyDirectory)
        #expect(first.current.id == second.current.id)
        #expect(first.current.id.hasPrefix("dev-"))
        let path = URL(fileURLWithPath: keyDirectory).appendingPathComponent(OutboxKeyRing.developmentFileName).path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        // The environment wins over the development file.
        let configured = try OutboxKeyRing.fromEnvironment(
            [OutboxKeyRing.environmentVariable: "prod:\(keyA)"],
            developmentKeyDirectory: keyDirectory)
        #expect(configured.keyIDs == ["prod"])
    }

    @Test("Rotation makes the new key current and keeps the old; descriptions show ids only")
    func rotation() throws {
        let ring = try OutboxKeyRing.parse("a:\(keyA)")
        let rotated = try ring.rotated(to: OutboxKey.random(id: "b"))
        #expect(rotated.keyIDs == ["b", "a"])
        #expect(throws: OutboxKeyError.self) { try rotated.rotated(to: OutboxKey.random(id: "a")) }
        #expect("\(ring.current)" == "OutboxKey(a)")
        #expect("\(OutboxFixtures.payload())".contains(OutboxFixtures.knownName) == false)
    }
}
