import Foundation
import StoreConformance
import Testing

@testable import Outbox

@Suite("Row encryption")
struct RowCipherTests {
    typealias F = OutboxFixtures
    let ring = try! OutboxKeyRing(current: OutboxFixtures.keyA, previous: [OutboxFixtures.keyB])
    let secret = Data("85073000123 Vandenbrande".utf8)

    /// The kind of store error `body` throws, `nil` if it throws none.
    private func failure(_ body: () throws -> Data) -> OutboxStoreError? {
        do {
            _ = try body()
            return nil
        } catch { return (error as? OutboxStoreError)?.kind }
    }

    @Test("A ciphertext opens only for its own row, column and key")
    func boundToRowColumnAndKey() throws {
        let row = UUID()
        let sealed = try RowCipher.seal(secret, column: .payload, rowID: row, with: F.keyA)
        #expect(try RowCipher.open(sealed, column: .payload, rowID: row, keyID: "key-a", ring: ring) == secret)
        #expect(sealed.range(of: secret) == nil)
        #expect(
            failure { try RowCipher.open(sealed, column: .payload, rowID: UUID(), keyID: "key-a", ring: ring) }
                == .undecryptable)
        #expect(
            failure { try RowCipher.open(sealed, column: .citizen, rowID: row, keyID: "key-a", ring: ring) }
                == .undecryptable)
        #expect(
            failure { try RowCipher.open(sealed, column: .payload, rowID: row, keyID: "key-b", ring: ring) }
                == .undecryptable)
        #expect(throws: OutboxStoreError(.unknownKeyID, submissionID: row, keyID: "key-z")) {
            try RowCipher.open(sealed, column: .payload, rowID: row, keyID: "key-z", ring: ring)
        }
    }

    @Test("Each encryption uses a fresh nonce")
    func freshNonce() throws {
        let row = UUID()
        let one = try RowCipher.seal(secret, column: .payload, rowID: row, with: F.keyA)
        let two = try RowCipher.seal(secret, column: .payload, rowID: row, with: F.keyA)
        #expect(one != two)
        #expect(one.prefix(12) != two.prefix(12))
    }

    @Test("A tampered ciphertext does not open")
    func tampered() throws {
        let row = UUID()
        var sealed = try RowCipher.seal(secret, column: .citizen, rowID: row, with: F.keyA)
        sealed[sealed.startIndex + 14] ^= 0x01
        #expect(
            failure { try RowCipher.open(sealed, column: .citizen, rowID: row, keyID: "key-a", ring: ring) }
                == .undecryptable)
    }
}
