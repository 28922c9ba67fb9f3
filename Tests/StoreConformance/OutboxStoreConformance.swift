import Foundation
import OCMWCore
import Outbox
import Testing

/// What every `OutboxStore` must do: the outbox compatibility suite. `OutboxTests` runs it against
/// the SQLite stores, `PostgresStoresTests` against PostgreSQL; each passes a factory over a
/// fresh, empty database per check. This file: idempotent acceptance and leasing.
public enum OutboxStoreConformance {
    typealias F = OutboxFixtures

    /// The checks every store passes.
    public static var checks: [StoreCheck<OutboxStoreFactory>] {
        [
            sameKeySameBody, sameKeyDifferentBody, sameKeyDifferentClient, sameKeyDifferentCitizen, concurrentSameKey,
            leaseOnlyDueRowsOfTenant,
            leaseLimit, leaseExclusionAndTakeover, concurrentLeases, onlyOwnerMarks, retryLater, expediteRetries, releaseLeases,
            statusOnlyForItsClient,
            deliveredErasesPersonalData,
            failedKeepsPayloadAndRetries, discardFailedPayloads, retention, countsAndLists, keyRotation, unknownKeyID,
            submissionsOfCitizen, eventsTellEveryChange, newSocialStatusesOncePerChange,
        ]
    }

    /// The checks for stores whose data outlives every store value (not an in-memory database).
    public static var restartChecks: [StoreCheck<OutboxStoreFactory>] { [durableAcrossReopen, eventsSurviveReopening] }

    /// A check on one store with key ring A.
    static func check(
        _ name: String, _ body: @escaping @Sendable (any TestableOutboxStore) async throws -> Void
    ) -> StoreCheck<OutboxStoreFactory> {
        StoreCheck(name) { factory in try await body(factory.open(F.ringA)) }
    }

    /// A check that opens stores itself (restarts, other key rings).
    static func factoryCheck(
        _ name: String, _ body: @escaping @Sendable (OutboxStoreFactory) async throws -> Void
    ) -> StoreCheck<OutboxStoreFactory> {
        StoreCheck(name, body)
    }

    static let sameKeySameBody = check("The same key with the same body returns the original submission") { store in
        let first = try await store.accept(F.submission(key: "k1", warnings: ["domicile-outside-municipality"]))
        guard case .accepted(let accepted) = first else {
            Issue.record("not accepted: \(first)")
            return
        }
        #expect(accepted.state == .accepted)
        #expect(accepted.warnings == ["domicile-outside-municipality"])
        // A retry by the caller: same key, same body, new tracking id proposed, later time.
        let again = try await store.accept(F.submission(key: "k1", warnings: ["domicile-outside-municipality"], at: 5))
        #expect(again == .existing(accepted))
        #expect(try await store.counts() == [F.gent: [.accepted: 1]])
    }

    static let sameKeyDifferentBody = check("The same key with another body is a conflict and stores nothing") { store in
        let first = try #require(try await store.accept(F.submission(key: "k1")).status)
        #expect(
            try await store.accept(F.submission(key: "k1", payload: F.payload("other text")))
                == .conflict(existingID: first.id))
        // (Another citizen with the same key is another submission: sameKeyDifferentCitizen.)
        #expect(try await store.accept(F.submission(key: "k1", tenant: F.aalst)) == .conflict(existingID: first.id))
        #expect(try await store.counts() == [F.gent: [.accepted: 1]])
    }

    static let sameKeyDifferentClient = check("The same key from another caller is another submission") { store in
        let first = try await store.accept(F.submission(key: "k1", client: "mbp-portal"))
        let second = try await store.accept(F.submission(key: "k1", client: "other-portal"))
        guard case .accepted(let one) = first, case .accepted(let two) = second else {
            Issue.record("expected two acceptances: \(first), \(second)")
            return
        }
        #expect(one.id != two.id)
        #expect(try await store.counts() == [F.gent: [.accepted: 2]])
    }

    static let sameKeyDifferentCitizen = check(
        "The same key from one caller for another citizen is another submission, not a conflict"
    ) { store in
        let first = try await store.accept(F.submission(key: "k1", citizen: 1))
        let second = try await store.accept(F.submission(key: "k1", citizen: 2, payload: F.payload("other")))
        guard case .accepted(let one) = first, case .accepted(let two) = second else {
            Issue.record("expected two acceptances: \(first), \(second)")
            return
        }
        #expect(one.id != two.id)
        #expect(try await store.counts() == [F.gent: [.accepted: 2]])
        guard case .existing(let again) = try await store.accept(F.submission(key: "k1", citizen: 2, payload: F.payload("other")))
        else {
            Issue.record("the repeat for the second citizen is not its original")
            return
        }
        #expect(again.id == two.id)
    }

    static let concurrentSameKey = check("Concurrent acceptances of one key insert exactly once") { store in
        let results = try await withThrowingTaskGroup(of: AcceptResult.self) { group in
            for _ in 0..<20 { group.addTask { try await store.accept(F.submission(key: "race")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let accepted = results.filter { if case .accepted = $0 { true } else { false } }
        #expect(accepted.count == 1)
        #expect(Set(results.compactMap(\.status?.id)).count == 1)
        #expect(try await store.counts() == [F.gent: [.accepted: 1]])
    }

    static let leaseOnlyDueRowsOfTenant = check("A lease takes only due submissions of its tenant, decrypted, oldest first") { store in
        let old = try #require(try await store.accept(F.submission(citizen: 3, at: 0)).status)
        let newer = try #require(try await store.accept(F.submission(citizen: 4, payload: F.payload("two"), at: 10)).status)
        _ = try await store.accept(F.submission(at: 100))  // not due yet at 50
        _ = try await store.accept(F.submission(tenant: F.aalst, at: 0))  // another tenant
        let leased = try await store.lease(
            tenant: F.gent, owner: "proxy-1", now: F.at(50),
            leaseDuration: .seconds(60), limit: 10)
        #expect(leased.map(\.id) == [old.id, newer.id])
        let first = try #require(leased.first)
        #expect(first.submission.citizen == F.citizen(3))
        #expect(first.submission.payload == F.payload())
        #expect(first.submission.clientID == "mbp-portal")
        #expect(first.submission.status.state == .delivering)
        #expect(first.submission.status.attempts == 1)
        #expect(first.lease == SubmissionLease(owner: "proxy-1", expiresAt: F.at(110)))
        #expect(leased.last?.submission.payload == F.payload("two"))
        #expect(try await store.status(id: old.id)?.state == .delivering)
        #expect(try await store.status(id: old.id)?.attempts == 1)
        #expect(try await store.counts() == [F.gent: [.delivering: 2, .accepted: 1], F.aalst: [.accepted: 1]])
    }

    static let leaseLimit = check("A lease respects its limit") { store in
        for index in 0..<5 { _ = try await store.accept(F.submission(at: Double(index))) }
        let leased = try await store.lease(tenant: F.gent, owner: "p", now: F.at(10), leaseDuration: .seconds(60), limit: 3)
        #expect(leased.count == 3)
        #expect(try await store.lease(tenant: F.gent, owner: "p", now: F.at(10), leaseDuration: .seconds(60), limit: 0).isEmpty)
    }

    static let leaseExclusionAndTakeover = check("Rows leased by another owner stay out until the lease expires, then are taken over") {
        store in
        let id = try #require(try await store.accept(F.submission()).status?.id)
        let first = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(1), leaseDuration: .seconds(30), limit: 10)
        #expect(first.map(\.id) == [id])
        // proxy-1 "crashes". Before expiry nobody else gets the row, nor is the tenant due.
        #expect(try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(30), leaseDuration: .seconds(30), limit: 10).isEmpty)
        #expect(try await store.tenantsWithDueWork(now: F.at(30)).isEmpty)
        #expect(try await store.nextDueDate(tenant: F.gent) == F.at(31))
        // At expiry it is due again and proxy-2 takes it over: a second attempt.
        #expect(try await store.tenantsWithDueWork(now: F.at(31)) == [F.gent])
        let takeover = try await store.lease(tenant: F.gent, owner: "proxy-2", now: F.at(31), leaseDuration: .seconds(30), limit: 10)
        #expect(takeover.map(\.id) == [id])
        #expect(takeover.first?.submission.status.attempts == 2)
        #expect(takeover.first?.submission.payload == F.payload())
        // The old owner comes back: it may no longer record anything.
        let error = await #expect(throws: OutboxStoreError.self) {
            try await store.markDelivered(id: id, owner: "proxy-1", dossierNumber: "2026/1", now: F.at(32))
        }
        #expect(error?.kind == .leaseNotHeld)
        try await store.markDelivered(id: id, owner: "proxy-2", dossierNumber: "2026/1", now: F.at(33))
        #expect(try await store.status(id: id)?.state == .delivered(dossierNumber: "2026/1"))
    }

    static let concurrentLeases = check("Concurrent leases never hand one row to two owners") { store in
        for index in 0..<50 { _ = try await store.accept(F.submission(citizen: index, at: Double(index) / 100)) }
        let batches = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    try await store.lease(
                        tenant: F.gent, owner: "proxy-\(worker)", now: F.at(10),
                        leaseDuration: .seconds(60), limit: 7
                    ).map(\.id)
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(batches.count == 50)
        #expect(Set(batches).count == 50)
    }
}
