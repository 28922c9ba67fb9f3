import AuditTrail
import Foundation
import OCMWCore
import Testing

@Suite("INSZ pseudonyms")
struct PseudonymizerTests {
    typealias F = AuditFixtures

    @Test("The same key and INSZ always give the same pseudonym; another INSZ another one")
    func deterministic() throws {
        let again = try INSZPseudonymizer(keyBytes: F.key)
        #expect(F.pseudonymizer.pseudonym(for: F.citizen(0)) == again.pseudonym(for: F.citizen(0)))
        #expect(F.pseudonymizer.pseudonym(for: F.citizen(0)) != F.pseudonymizer.pseudonym(for: F.citizen(1)))
    }

    @Test("Another key gives another pseudonym for every citizen")
    func keyDependent() throws {
        let other = try INSZPseudonymizer(keyBytes: F.otherKey)
        for index in 0..<50 {
            #expect(F.pseudonymizer.pseudonym(for: F.citizen(index)) != other.pseudonym(for: F.citizen(index)))
        }
    }

    @Test("A pseudonym is 32 lowercase hex characters and never contains the digits")
    func shape() {
        for index in 0..<200 {
            let citizen = F.citizen(index)
            let hex = F.pseudonymizer.pseudonym(for: citizen).hex
            #expect(hex.count == 32)
            #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(hex != citizen.digits)
            #expect(!hex.contains(citizen.digits))
        }
    }

    @Test("The pseudonym is HMAC-SHA256 of the 11 digits, truncated to 128 bits")
    func knownAnswer() {
        // Python: hmac.new(bytes([0x5a] * 32), b"85073000160", hashlib.sha256).hexdigest()[:32]
        #expect(F.citizen(0).digits == "85073000160")
        #expect(F.pseudonymizer.pseudonym(for: F.citizen(0)).hex == "033005824c79f9065047c0b0448d6455")
    }

    @Test(
        "A pseudonym type refuses an INSZ and anything but 32 lowercase hex characters",
        arguments: ["85073000160", String(repeating: "A", count: 32), String(repeating: "0", count: 31), ""])
    func pseudonymRefusesOtherForms(text: String) {
        #expect(INSZPseudonym(hex: text) == nil)
    }

    @Test("Keys shorter than 32 bytes are refused")
    func shortKey() {
        #expect(throws: PseudonymKeyError.self) { try INSZPseudonymizer(keyBytes: [UInt8](repeating: 1, count: 31)) }
    }
}
