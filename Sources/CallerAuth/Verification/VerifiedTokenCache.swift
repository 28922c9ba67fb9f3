import Crypto
import Foundation
import Synchronization

/// A bounded map from a token's SHA-256 to the caller it verified as, so a client that reuses
/// its token skips signature verification.
///
/// Keyed by the hash, so the cache never holds a usable token. An entry is dropped at the
/// token's `exp` (no leeway: the full path still grants it) and when the key set it was
/// verified under is replaced, so a key removed from the JWKS stops working at once.
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        let caller: VerifiedCaller
        let keySetGeneration: UInt64
    }

    let capacity: Int
    private let entries: Mutex<[SHA256Digest: Entry]>

    init(capacity: Int) {
        self.capacity = capacity
        self.entries = Mutex([:])
    }

    static func key(for token: String) -> SHA256Digest {
        SHA256.hash(data: Data(token.utf8))
    }

    func caller(for key: SHA256Digest, keySetGeneration: UInt64, now: Date) -> VerifiedCaller? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.keySetGeneration == keySetGeneration, now < entry.caller.expiresAt else {
                entries[key] = nil
                return nil
            }
            return entry.caller
        }
    }

    func insert(_ caller: VerifiedCaller, for key: SHA256Digest, keySetGeneration: UInt64, now: Date) {
        guard now < caller.expiresAt else { return }
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil {
                Self.makeRoom(in: &entries, now: now)
            }
            entries[key] = Entry(caller: caller, keySetGeneration: keySetGeneration)
        }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Drops every expired entry; if none had expired, the one expiring soonest (it is the least
    /// valuable). Linear, but only reached when the cache is full and only for tokens that
    /// verified, which an anonymous caller cannot mint.
    private static func makeRoom(in entries: inout [SHA256Digest: Entry], now: Date) {
        let before = entries.count
        entries = entries.filter { now < $0.value.caller.expiresAt }
        guard entries.count == before,
            let soonest = entries.min(by: { $0.value.caller.expiresAt < $1.value.caller.expiresAt })
        else { return }
        entries[soonest.key] = nil
    }
}
