import Foundation
import OCMWCore
import Outbox
import Testing

/// Compatibility, continued: the follow-up feed of submission events.
extension OutboxStoreConformance {
    static let eventsTellEveryChange = check(
        "Events tell acceptance, delivery, failure and a retry, in order, resumable, to their client and citizen only"
    ) { store in
        let one = try #require(try await store.accept(F.submission(key: "one", citizen: 1, at: 0)).status?.id)
        let two = try #require(try await store.accept(F.submission(key: "two", citizen: 2, at: 1)).status?.id)
        let other = try #require(try await store.accept(F.submission(key: "one", client: "other-portal", citizen: 1, at: 2)).status?.id)
        _ = try await store.accept(F.submission(key: "one", citizen: 1, at: 3))  // a repeat: no event
        _ = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(4), leaseDuration: .seconds(60), limit: 5)
        try await store.markRetry(id: two, owner: "proxy-1", error: "HTTP 503", nextAttemptAt: F.at(5), now: F.at(5))  // no event
        _ = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(6), leaseDuration: .seconds(60), limit: 5)
        try await store.markDelivered(id: one, owner: "proxy-1", dossierNumber: "2026/0001", now: F.at(7))
        try await store.markFailed(id: two, owner: "proxy-1", reason: "refused", now: F.at(8))
        _ = try await store.retryFailed(id: two, now: F.at(9))

        let all = try await store.events(after: 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 100)
        #expect(all.map(\.submissionID) == [one, two, one, two, two])
        #expect(all.map(\.type) == [.accepted, .accepted, .delivered, .failed, .accepted])
        #expect(all.map(\.at) == [F.at(0), F.at(1), F.at(7), F.at(8), F.at(9)])
        #expect(all[2].dossierNumber == "2026/0001")
        #expect(all[3].reason == "refused")
        #expect(all.allSatisfy { $0.tenant == F.gent && $0.kind == .helpRequest })
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        // Resumable: after the second, the next two.
        let resumed = try await store.events(after: all[1].sequence, clientID: "mbp-portal", citizenPseudonym: nil, limit: 2)
        #expect(resumed == Array(all[2...3]))
        // Only the caller's, and a citizen-bound caller only its citizen's.
        #expect(
            try await store.events(after: 0, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(1), limit: 100).map(\.submissionID)
                == [one, one])
        #expect(
            try await store.events(after: 0, clientID: "other-portal", citizenPseudonym: nil, limit: 100).map(\.submissionID) == [other])
        // Retention takes a delivered submission's events with it.
        #expect(try await store.pruneDelivered(deliveredBefore: F.at(100)) == 1)
        #expect(
            try await store.events(after: 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 100).map(\.submissionID)
                == [two, two, two])
    }

    static let newSocialStatusesOncePerChange = check(
        "New Social's statuses become events once per change, per request"
    ) { store in
        let id = try #require(try await store.accept(F.submission(key: "ns")).status?.id)
        #expect(try await store.recordNewSocialStatuses(id: id, statuses: ["LL": "submitted"], now: F.at(1)) == 1)
        #expect(try await store.recordNewSocialStatuses(id: id, statuses: ["LL": "submitted"], now: F.at(2)) == 0)
        #expect(
            try await store.recordNewSocialStatuses(id: id, statuses: ["LL": "inProgress", "AFH": "submitted"], now: F.at(3)) == 2)
        #expect(try await store.recordNewSocialStatuses(id: UUID(), statuses: ["LL": "closed"], now: F.at(4)) == 0)
        let events = try await store.events(after: 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 100)
        #expect(events.map(\.type) == [.accepted, .newSocialStatus, .newSocialStatus, .newSocialStatus])
        #expect(events.dropFirst().map(\.requestKind) == ["LL", "AFH", "LL"])
        #expect(events.dropFirst().map(\.status) == ["submitted", "submitted", "inProgress"])
        #expect(events.last?.at == F.at(3))
    }

    static let eventsSurviveReopening = factoryCheck(
        "Events survive closing every store and reopening, and numbering goes on after them"
    ) { factory in
        var before: [SubmissionEvent] = []
        do {
            let store = try await factory.open(F.ringA)
            _ = try await store.accept(F.submission(key: "durable-event"))
            before = try await store.events(after: 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 10)
        }
        let reopened = try await factory.open(F.ringA)
        #expect(try await reopened.events(after: 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 10) == before)
        _ = try await reopened.accept(F.submission(key: "after-restart", at: 1))
        let after = try await reopened.events(after: before.last?.sequence ?? 0, clientID: "mbp-portal", citizenPseudonym: nil, limit: 10)
        #expect(after.count == 1)
    }
}
