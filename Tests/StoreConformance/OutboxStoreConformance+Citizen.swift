import Foundation
import OCMWCore
import Outbox
import Testing

/// Compatibility, continued: a citizen's own submissions, as their `requests` list shows them.
extension OutboxStoreConformance {
    static let submissionsOfCitizen = check(
        "A citizen's submissions are listed newest first, in every phase, from every client, and no one else's"
    ) { store in
        let first = try #require(try await store.accept(F.submission(key: "a", citizen: 5, at: 0)).status?.id)
        let second = try #require(
            try await store.accept(F.submission(key: "b", client: "other-portal", tenant: F.aalst, citizen: 5, at: 10)).status?.id)
        let third = try #require(
            try await store.accept(F.submission(key: "c", citizen: 5, kind: .certificateRequest, at: 20)).status?.id)
        _ = try await store.accept(F.submission(key: "a", citizen: 6, at: 30))
        // One delivered, one failed, one still pending: each keeps its place and phase.
        _ = try await store.lease(tenant: F.gent, owner: "proxy-1", now: F.at(40), leaseDuration: .seconds(60), limit: 5)
        try await store.markDelivered(id: first, owner: "proxy-1", dossierNumber: "2026/0001", now: F.at(41))
        try await store.markFailed(id: third, owner: "proxy-1", reason: "refused", now: F.at(42))

        let listed = try await store.submissions(citizenPseudonym: F.pseudonym(5), limit: 10)
        #expect(listed.map(\.id) == [third, second, first])
        #expect(listed.map(\.state) == [.failed(reason: "refused"), .accepted, .delivered(dossierNumber: "2026/0001")])
        #expect(listed.map(\.kind) == [.certificateRequest, .helpRequest, .helpRequest])
        #expect(listed.map(\.createdAt) == [F.at(20), F.at(10), F.at(0)])
        #expect(try await store.submissions(citizenPseudonym: F.pseudonym(5), limit: 2).map(\.id) == [third, second])
        #expect(try await store.submissions(citizenPseudonym: F.pseudonym(7), limit: 10).isEmpty)
        #expect(try await store.submissions(citizenPseudonym: F.pseudonym(6), limit: 10).count == 1)
    }
}
