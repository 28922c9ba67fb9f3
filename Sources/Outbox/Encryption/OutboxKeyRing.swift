import Crypto
import Foundation

/// The outbox's encryption keys: one current key that encrypts new rows, and every key still
/// needed to decrypt older rows.
///
/// Rotation: make a new key current and keep the old ones listed (`id-new:…,id-old:…`). Rows
/// keep the key id they were written with; old rows stay readable, and once none carries an old
/// id (delivered rows hold no ciphertext), that key can be dropped from the list.
public struct OutboxKeyRing: Sendable {
    /// The key that encrypts new rows.
    public let current: OutboxKey
    private let keys: [String: OutboxKey]

    /// - Parameters:
    ///   - current: Encrypts new rows (and decrypts rows written with it).
    ///   - previous: Keys for decrypting older rows only.
    /// - Throws: `OutboxKeyError.duplicateKeyID` when two keys share an id.
    public init(current: OutboxKey, previous: [OutboxKey] = []) throws(OutboxKeyError) {
        var keys = [current.id: current]
        for key in previous {
            guard keys.updateValue(key, forKey: key.id) == nil else { throw OutboxKeyError(.duplicateKeyID) }
        }
        self.current = current
        self.keys = keys
    }

    /// This ring with `key` as the current key and the present ones kept for reading.
    /// - Throws: `OutboxKeyError.duplicateKeyID` when the ring already holds that id.
    public func rotated(to key: OutboxKey) throws(OutboxKeyError) -> OutboxKeyRing {
        try OutboxKeyRing(current: key, previous: keyIDs.compactMap { keys[$0] })
    }

    /// Every key id, the current one first, then the others sorted.
    public var keyIDs: [String] {
        [current.id] + keys.keys.filter { $0 != current.id }.sorted()
    }

    /// The key written with id `keyID`, if the ring holds it.
    package func key(id keyID: String) -> OutboxKey? { keys[keyID] }
}
