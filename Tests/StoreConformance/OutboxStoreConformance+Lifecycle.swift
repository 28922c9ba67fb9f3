import Foundation
import OCMWCore
import Outbox
import Testing

/// Compatibility, continued: recording outcomes, erasure, operators' retry, counts and lists.
extension OutboxStoreConformance {
    /// Accepts one submission at `base` and leases it to `proxy-1` at `base + 1`.
    private static func leasedOne(in store: any TestableOutboxStore) async throws -> UUID {
        let id = try #require(try await store.accept(F.submission()).status?.id)
        let leased = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(1), leaseDuration: .seconds(60), limit: 1)
        #expect(leased.map(\.id) == [id])
        return id
    }

    static let onlyOwnerMarks = check(
        "Only the lease owner records an outcome; unknown ids are not found"
    ) { store in
        let id = try await leasedOne(in: store)
        let attempts: [@Sendable () async throws -> Void] = [
            { try await store.markDelivered(id: id, owner: "proxy-2", dossierNumber: "2026/9", now: F.at(2)) },
            { try await store.markRetry(id: id, owner: "proxy-2", error: "timeout", nextAttemptAt: F.at(9), now: F.at(2)) },
            { try await store.markFailed(id: id, owner: "proxy-2", reason: "refused", now: F.at(2)) },
        ]
        for attempt in attempts {
            let error = await #expect(throws: OutboxStoreError.self) { try await attempt() }
            #expect(error?.kind == .leaseNotHeld)
        }
        #expect(try await store.status(id: id)?.state == .delivering)
        let missing = await #expect(throws: OutboxStoreError.self) {
            try await store.markDelivered(id: UUID(), owner: "proxy-1", dossierNumber: "x", now: F.at(2))
        }
        #expect(missing?.kind == .notFound)
    }

    static let retryLater = check(
        "A retry releases the lease and makes the row due again at the given time"
    ) { store in
        let id = try await leasedOne(in: store)
        try await store.markRetry(id: id, owner: "proxy-1", error: "HTTP 503", nextAttemptAt: F.at(20), now: F.at(2))
        let status = try #require(try await store.status(id: id))
        #expect(status.state == .delivering)
        #expect(status.lastError == "HTTP 503")
        #expect(status.nextAttemptAt == F.at(20))
        #expect(try await store.nextDueDate(tenant: F.gent) == F.at(20))
        #expect(try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(19), leaseDuration: .seconds(60), limit: 5).isEmpty)
        let again = try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(20), leaseDuration: .seconds(60), limit: 5)
        #expect(again.map(\.id) == [id])
        #expect(again.first?.submission.status.attempts == 2)
        // The lease is released: proxy-1 can no longer record anything.
        let error = await #expect(throws: OutboxStoreError.self) {
            try await store.markFailed(id: id, owner: "proxy-1", reason: "x", now: F.at(21))
        }
        #expect(error?.kind == .leaseNotHeld)
    }

    static let expediteRetries = check(
        "An OCMW that answers again makes its waiting retries due at once, and only those"
    ) { store in
        let waiting = try await leasedOne(in: store)
        try await store.markRetry(id: waiting, owner: "proxy-1", error: "HTTP 503", nextAttemptAt: F.at(300), now: F.at(2))
        let leasedNow = try #require(try await store.accept(F.submission(key: "second", at: 3)).status?.id)
        #expect(
            try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(4), leaseDuration: .seconds(60), limit: 5)
                .map(\.id) == [leasedNow])
        let elsewhere = try #require(try await store.accept(F.submission(tenant: F.aalst, at: 3)).status?.id)
        _ = try await store.lease(tenant: F.aalst, owner: "proxy-3", now: F.at(4), leaseDuration: .seconds(60), limit: 5)
        try await store.markRetry(id: elsewhere, owner: "proxy-3", error: "HTTP 503", nextAttemptAt: F.at(300), now: F.at(5))

        #expect(try await store.expediteRetries(tenant: F.gent, now: F.at(6)) == 1)
        #expect(try await store.status(id: waiting)?.nextAttemptAt == F.at(6))
        #expect(try await store.status(id: waiting)?.attempts == 1)
        // The leased row keeps its lease; the other tenant's backoff is untouched.
        #expect(try await store.status(id: elsewhere)?.nextAttemptAt == F.at(300))
        #expect(
            try await store.lease(tenant: F.gent, owner: "proxy-4", now: F.at(6), leaseDuration: .seconds(60), limit: 5)
                .map(\.id) == [waiting])
        #expect(try await store.expediteRetries(tenant: F.gent, now: F.at(7)) == 0)
    }

    static let releaseLeases = check(
        "A stopping instance hands back only its own leases; their rows are due at once for another"
    ) { store in
        let mine = try await leasedOne(in: store)
        let theirs = try #require(try await store.accept(F.submission(key: "second", at: 2)).status?.id)
        #expect(
            try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(3), leaseDuration: .seconds(60), limit: 5)
                .map(\.id) == [theirs])

        #expect(try await store.releaseLeases(owner: "proxy-1", now: F.at(4)) == 1)
        #expect(try await store.releaseLeases(owner: "proxy-1", now: F.at(4)) == 0)
        // Long before the lease would have expired (60 s), another instance takes it; proxy-2's stays.
        let taken = try await store.lease(tenant: F.gent, owner: "proxy-3", now: F.at(5), leaseDuration: .seconds(60), limit: 5)
        #expect(taken.map(\.id) == [mine])
        #expect(taken.first?.submission.status.attempts == 2)
        let error = await #expect(throws: OutboxStoreError.self) {
            try await store.markDelivered(id: mine, owner: "proxy-1", dossierNumber: "2026/1", now: F.at(6))
        }
        #expect(error?.kind == .leaseNotHeld)
        try await store.markDelivered(id: theirs, owner: "proxy-2", dossierNumber: "2026/2", now: F.at(6))
    }

    static let statusOnlyForItsClient = check(
        "A submission's status is found for the client that submitted it and its citizen, and for no other"
    ) { store in
        let id = try #require(try await store.accept(F.submission(client: "mbp-portal", citizen: 3)).status?.id)
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: nil)?.id == id)
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(3))?.id == id)
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(4)) == nil)
        #expect(try await store.status(id: id, clientID: "another-portal", citizenPseudonym: nil) == nil)
        #expect(try await store.status(id: UUID(), clientID: "mbp-portal", citizenPseudonym: nil) == nil)
        // Still found, and still only by its citizen, once the citizen itself is erased.
        let leased = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(1), leaseDuration: .seconds(60), limit: 1)
        #expect(leased.map(\.id) == [id])
        try await store.markDelivered(id: id, owner: "proxy-1", dossierNumber: "2026/7", now: F.at(2))
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(3))?.state.phase == .delivered)
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(4)) == nil)
    }

    static let deliveredErasesPersonalData = check(
        "Delivery erases the citizen and the payload from the stored row"
    ) { store in
        let id = try await leasedOne(in: store)
        #expect(try await store.storedRow(id: id) == StoredRowFacts(keyID: "key-a", hasCitizen: true, hasPayload: true))
        try await store.markDelivered(id: id, owner: "proxy-1", dossierNumber: "2026/155", now: F.at(3))
        #expect(try await store.storedRow(id: id) == StoredRowFacts(keyID: nil, hasCitizen: false, hasPayload: false))
        let status = try #require(try await store.status(id: id))
        #expect(status.state == .delivered(dossierNumber: "2026/155"))
        #expect(status.attempts == 1)
        #expect(status.createdAt == F.base)
        #expect(status.updatedAt == F.at(3))
        // Delivered once: a second outcome is refused, and the caller's retry finds it delivered.
        await #expect(throws: OutboxStoreError.self) {
            try await store.markDelivered(id: id, owner: "proxy-1", dossierNumber: "2026/156", now: F.at(4))
        }
        #expect(try await store.accept(F.submission(key: "other")).status?.id != id)
        #expect(try await store.counts()[F.gent]?[.delivered] == 1)
    }

    static let failedKeepsPayloadAndRetries = check(
        "A failed submission keeps its payload and an operator can retry it"
    ) { store in
        let id = try await leasedOne(in: store)
        let notFailed = await #expect(throws: OutboxStoreError.self) { try await store.retryFailed(id: id, now: F.at(2)) }
        #expect(notFailed?.kind == .notFailed)
        try await store.markFailed(id: id, owner: "proxy-1", reason: "OCMW refused: unknown category", now: F.at(2))
        #expect(try await store.status(id: id)?.state == .failed(reason: "OCMW refused: unknown category"))
        #expect(try await store.storedRow(id: id) == StoredRowFacts(keyID: "key-a", hasCitizen: true, hasPayload: true))
        #expect(try await store.lease(tenant: F.gent, owner: "p", now: F.at(1000), leaseDuration: .seconds(60), limit: 5).isEmpty)
        let retried = try await store.retryFailed(id: id, now: F.at(10))
        #expect(retried.state == .accepted)
        #expect(retried.attempts == 0)
        #expect(retried.nextAttemptAt == F.at(10))
        let leased = try await store.lease(tenant: F.gent, owner: "p", now: F.at(10), leaseDuration: .seconds(60), limit: 5)
        #expect(leased.first?.submission.payload == F.payload())
        #expect(leased.first?.submission.citizen == F.citizen(1))
        let missing = await #expect(throws: OutboxStoreError.self) { try await store.retryFailed(id: UUID(), now: F.at(2)) }
        #expect(missing?.kind == .notFound)
    }

    static let discardFailedPayloads = check(
        "Retention discards the payloads of old failures, which can then no longer be retried"
    ) { store in
        let id = try await leasedOne(in: store)
        try await store.markFailed(id: id, owner: "proxy-1", reason: "gave up", now: F.at(2))
        #expect(try await store.discardFailedPayloads(failedBefore: F.at(2)) == 0)
        #expect(try await store.discardFailedPayloads(failedBefore: F.at(3)) == 1)
        #expect(try await store.storedRow(id: id) == StoredRowFacts(keyID: nil, hasCitizen: false, hasPayload: false))
        #expect(try await store.status(id: id)?.state == .failed(reason: "gave up"))
        let error = await #expect(throws: OutboxStoreError.self) { try await store.retryFailed(id: id, now: F.at(4)) }
        #expect(error?.kind == .payloadDiscarded)
    }

    static let retention = check(
        "Retention deletes delivered rows after their days and erases failed payloads after theirs; pending rows stay"
    ) { store in
        let delivered = try #require(try await store.accept(F.submission(key: "d", citizen: 1)).status?.id)
        let failed = try #require(try await store.accept(F.submission(key: "f", citizen: 2)).status?.id)
        let pending = try #require(try await store.accept(F.submission(key: "p", citizen: 3, at: 100)).status?.id)
        let leased = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(1), leaseDuration: .seconds(60), limit: 2)
        #expect(Set(leased.map(\.id)) == [delivered, failed])
        try await store.markDelivered(id: delivered, owner: "proxy-1", dossierNumber: "2026/1", now: F.at(3))
        try await store.markFailed(id: failed, owner: "proxy-1", reason: "gave up", now: F.at(4))
        let retention = try #require(OutboxRetention(deliveredDays: 1, failedPayloadDays: 2))
        // One day after the delivery: not yet; a second later: the delivered row goes.
        #expect(try await retention.apply(to: store, now: F.at(3 + 86_400)) == .init(deliveredDeleted: 0, failedPayloadsErased: 0))
        #expect(try await retention.apply(to: store, now: F.at(4 + 86_400)) == .init(deliveredDeleted: 1, failedPayloadsErased: 0))
        #expect(try await store.status(id: delivered) == nil)
        #expect(try await store.storedRow(id: failed) == StoredRowFacts(keyID: "key-a", hasCitizen: true, hasPayload: true))
        #expect(try await retention.apply(to: store, now: F.at(5 + 2 * 86_400)) == .init(deliveredDeleted: 0, failedPayloadsErased: 1))
        #expect(try await store.storedRow(id: failed) == StoredRowFacts(keyID: nil, hasCitizen: false, hasPayload: false))
        #expect(try await store.status(id: failed)?.state == .failed(reason: "gave up"))
        #expect(try await store.status(id: pending)?.state == .accepted, "a pending submission is never removed")
        #expect(OutboxRetention(deliveredDays: 0) == nil)
    }

    static let countsAndLists = check(
        "Counts, lists and due tenants reflect every state"
    ) { store in
        var ids: [UUID] = []
        for index in 0..<4 { ids.append(try #require(try await store.accept(F.submission(at: Double(index))).status?.id)) }
        _ = try await store.accept(F.submission(tenant: F.aalst, kind: .certificateRequest, at: 50))
        let leased = try await store.lease(tenant: F.gent, owner: "p", now: F.at(10), leaseDuration: .seconds(60), limit: 3)
        try await store.markDelivered(id: leased[0].id, owner: "p", dossierNumber: "2026/1", now: F.at(11))
        try await store.markFailed(id: leased[1].id, owner: "p", reason: "refused", now: F.at(12))
        #expect(
            try await store.counts() == [
                F.gent: [.delivered: 1, .failed: 1, .delivering: 1, .accepted: 1], F.aalst: [.accepted: 1],
            ])
        #expect(try await store.list(state: .failed, tenant: nil, limit: 10).map(\.id) == [leased[1].id])
        #expect(try await store.list(state: nil, tenant: F.aalst, limit: 10).map(\.kind) == [.certificateRequest])
        let all = try await store.list(state: nil, tenant: nil, limit: 10)
        #expect(all.count == 5)
        #expect(all.map(\.updatedAt) == all.map(\.updatedAt).sorted(by: >))
        #expect(try await store.list(state: nil, tenant: F.gent, limit: 2).count == 2)
        #expect(try await store.tenantsWithDueWork(now: F.at(10)) == [F.gent])
        #expect(try await store.tenantsWithDueWork(now: F.at(50)) == [F.aalst, F.gent])
        #expect(try await store.nextDueDate(tenant: F.aalst) == F.at(50))
        #expect(try await store.nextDueDate(tenant: TenantID("brugge")!) == nil)
    }
}
