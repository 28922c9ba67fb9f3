import Foundation
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import Testing

/// `GET /v1/submission-events`: the follow-up feed a notification service reads instead of
/// polling each submission. Both dialects (Gent v2, Bonheiden v1).
@Suite struct SubmissionEventsEndToEndTests {
    typealias Delivery = DeliveryEndToEndTests

    static func events(
        _ client: AuthorizedClient, after cursor: String? = nil, limit: Int? = nil, token: String? = nil
    )
        async throws -> (events: [[String: Any]], next: String)
    {
        var query: [String] = []
        if let cursor { query.append("after=\(cursor)") }
        if let limit { query.append("limit=\(limit)") }
        let response = try await client.execute(
            uri: "/v1/submission-events" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), method: .get,
            authorization: .some(token.map { "Bearer \($0)" }))
        #expect(response.status == .ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        return (try #require(object["events"] as? [[String: Any]]), try #require(object["next"] as? String))
    }

    @Test func acceptedDeliveredAndNewSocialsStatusInOrderAndResumable() async throws {
        try await Delivery().withDelivery { fixture in
            var ids: [String: String] = [:]
            for ocmw in ["gent", "bonheiden"] {
                let location = try await Delivery().submit(fixture.client, ocmw: ocmw, key: "events-\(ocmw)")
                ids[ocmw] = String(location.dropFirst("/v1/submissions/".count))
                #expect(try await Delivery().settled(fixture.client, location)["status"] as? String == "delivered")
            }
            let first = try await Self.events(fixture.client)
            #expect(first.events.count == 4, "\(first.events)")
            for ocmw in ["gent", "bonheiden"] {
                let own = first.events.filter { $0["submissionId"] as? String == ids[ocmw] }
                #expect(own.map { $0["type"] as? String } == ["accepted", "delivered"])
                #expect(own.allSatisfy { $0["ocmw"] as? String == ocmw && $0["kind"] as? String == "helpRequest" })
                #expect((own.last?["dossierNumber"] as? String)?.contains("/") == true)
            }
            #expect(first.next == first.events.last?["cursor"] as? String)
            // Nothing new: the same cursor comes back.
            let none = try await Self.events(fixture.client, after: first.next)
            #expect(none.events.isEmpty)
            #expect(none.next == first.next)

            // A read of the requests sees New Social's status of each: one event each, once.
            _ = try await fixture.client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests")
            _ = try await fixture.client.json("/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests")
            let seen = try await Self.events(fixture.client, after: first.next)
            #expect(seen.events.map { $0["type"] as? String } == ["newSocialStatus", "newSocialStatus"], "\(seen.events)")
            #expect(Set(seen.events.compactMap { $0["submissionId"] as? String }) == Set(ids.values))
            #expect(seen.events.allSatisfy { $0["requestKind"] as? String == "LL" && $0["status"] as? String == "submitted" })

            // Page by page, the same feed.
            let page = try await Self.events(fixture.client, limit: 1)
            #expect(page.events.count == 1)
            let rest = try await Self.events(fixture.client, after: page.next)
            #expect(
                (page.events + rest.events).compactMap { $0["cursor"] as? String }
                    == (first.events + seen.events).compactMap { $0["cursor"] as? String })
        }
    }

    @Test func onlyTheCallersOwnSubmissions() async throws {
        try await Delivery().withDelivery { fixture in
            _ = try await Delivery().submit(fixture.client, ocmw: "gent", key: "mine")
            #expect(try await Self.events(fixture.client).events.count >= 1)
            let otherClient = try await fixture.security.token(clientID: "another-portal")
            #expect(try await Self.events(fixture.client, token: otherClient).events.isEmpty)
            let otherCitizen = try await fixture.security.token(
                insz: try INSZ(parsing: DemoCitizens.unknownINSZ, currentYear: testCurrentYear))
            #expect(try await Self.events(fixture.client, token: otherCitizen).events.isEmpty)
            let ownCitizen = try await fixture.security.token(
                insz: try INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear))
            #expect(try await Self.events(fixture.client, token: ownCitizen).events.count >= 1)
            let readOnly = try await fixture.security.token(scopes: ["ocmw.dossier.read"])
            let refused = try await fixture.client.execute(
                uri: "/v1/submission-events", method: .get, authorization: "Bearer \(readOnly)")
            #expect(refused.status == .forbidden)
        }
    }

    @Test(arguments: ["after=12", "after=e", "after=e-1", "after=E1", "limit=0", "limit=1001", "limit=ten"])
    func aBadCursorOrLimitIsAProblem(query: String) async throws {
        try await Delivery().withDelivery(delivering: false) { fixture in
            let response = try await fixture.client.execute(uri: "/v1/submission-events?\(query)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }
}
