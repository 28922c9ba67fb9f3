import Foundation
import OCMWCore
import Outbox
import Testing

/// Compatibility, continued: restarts, key rotation, unknown keys.
extension OutboxStoreConformance {
    static let durableAcrossReopen = factoryCheck(
        "Accepted submissions survive closing every store and reopening"
    ) { factory in
        var id: UUID?
        do {
            let store = try await factory.open(F.ringA)
            id = try await store.accept(F.submission(key: "durable")).status?.id
        }
        let reopened = try await factory.open(F.ringA)
        let found = try #require(id)
        #expect(try await reopened.status(id: found)?.state == .accepted)
        #expect(try await reopened.accept(F.submission(key: "durable")).status?.id == found)
        let leased = try await reopened.lease(tenant: F.gent, owner: "p", now: F.at(1), leaseDuration: .seconds(5), limit: 5)
        #expect(leased.first?.submission.payload == F.payload())
    }

    static let keyRotation = factoryCheck(
        "After rotation, old rows still decrypt and new rows use the new key"
    ) { factory in
        let before = try await factory.open(F.ringA)
        let old = try #require(try await before.accept(F.submission(citizen: 1)).status?.id)
        let after = try await factory.open(try F.ringA.rotated(to: F.keyB))
        let new = try #require(try await after.accept(F.submission(citizen: 2, at: 1)).status?.id)
        #expect(try await after.storedRow(id: old)?.keyID == "key-a")
        #expect(try await after.storedRow(id: new)?.keyID == "key-b")
        let leased = try await after.lease(tenant: F.gent, owner: "p", now: F.at(2), leaseDuration: .seconds(5), limit: 5)
        #expect(leased.map(\.submission.citizen) == [F.citizen(1), F.citizen(2)])
        // Kept alive to here: a named in-memory database lives only while a store holds it.
        withExtendedLifetime(before) {}
    }

    static let unknownKeyID = factoryCheck(
        "A row under a key the ring does not hold fails the lease with a typed error and stays due"
    ) { factory in
        let withA = try await factory.open(F.ringA)
        let id = try #require(try await withA.accept(F.submission()).status?.id)
        let withBOnly = try await factory.open(try OutboxKeyRing(current: F.keyB))
        let error = await #expect(throws: OutboxStoreError.self) {
            try await withBOnly.lease(tenant: F.gent, owner: "p", now: F.at(1), leaseDuration: .seconds(5), limit: 5)
        }
        #expect(error?.kind == .unknownKeyID)
        #expect(error?.keyID == "key-a")
        #expect(error?.submissionID == id)
        // Nothing was leased: status still reads, and a ring with the key delivers it.
        #expect(try await withBOnly.status(id: id)?.state == .accepted)
        let fixed = try await factory.open(try OutboxKeyRing(current: F.keyB, previous: [F.keyA]))
        #expect(try await fixed.lease(tenant: F.gent, owner: "p", now: F.at(1), leaseDuration: .seconds(5), limit: 5).map(\.id) == [id])
        withExtendedLifetime(withA) {}
    }
}
