import Crypto
import Foundation

/// The personal-data columns of a row, each encrypted on its own.
package enum SealedColumn: String {
    case citizen, payload, dossierNumber
}

/// AES-256-GCM for one column of one row.
///
/// The associated data binds a ciphertext to its row id, its column and its key id: a
/// ciphertext copied into another row, or from the payload column into the citizen column, or
/// relabelled with another key id, fails authentication instead of decrypting as someone else's
/// data. The nonce is random per encryption (96 bits; with at most a few million rows per key
/// the collision risk is negligible), stored in front of the ciphertext and tag (`combined`).
package enum RowCipher {
    package static func seal(_ plaintext: Data, column: SealedColumn, rowID: UUID, with key: OutboxKey) throws -> Data {
        let box = try AES.GCM.seal(
            plaintext, using: key.key,
            authenticating: associatedData(column: column, rowID: rowID, keyID: key.id))
        // `combined` is nil only for nonces of a non-standard size; ours are the standard 12 bytes.
        guard let combined = box.combined else { throw OutboxStoreError(.undecryptable, submissionID: rowID) }
        return combined
    }

    package static func open(
        _ sealed: Data, column: SealedColumn, rowID: UUID, keyID: String, ring: OutboxKeyRing
    ) throws(OutboxStoreError) -> Data {
        guard let key = ring.key(id: keyID) else {
            throw OutboxStoreError(.unknownKeyID, submissionID: rowID, keyID: keyID)
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try AES.GCM.open(
                box, using: key.key,
                authenticating: associatedData(column: column, rowID: rowID, keyID: keyID))
        } catch {
            throw OutboxStoreError(.undecryptable, submissionID: rowID)
        }
    }

    private static func associatedData(column: SealedColumn, rowID: UUID, keyID: String) -> Data {
        var data = Data("ocmw-outbox/v1/\(column.rawValue)/\(keyID)/".utf8)
        withUnsafeBytes(of: rowID.uuid) { data.append(contentsOf: $0) }
        return data
    }
}
