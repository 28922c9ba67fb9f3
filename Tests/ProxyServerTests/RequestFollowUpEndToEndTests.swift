import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NewSocialSimulator
import OCMWCore
import Testing

/// A submission is in the citizen's `requests` from its 202 on: from the outbox while New Social
/// does not have it, then as New Social reports it, with the same `submissionId` throughout.
@Suite struct RequestFollowUpEndToEndTests {
    typealias Delivery = DeliveryEndToEndTests

    /// The requests the answer lists at `ocmw`, and the answer.
    static func requests(_ client: AuthorizedClient, _ uri: String, at ocmw: String) async throws -> [[String: Any]] {
        let answer = try await client.json(uri)
        let entries = try #require(answer["ocmws"] as? [[String: Any]])
        let entry = try #require(entries.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == ocmw }, "\(answer)")
        #expect(entry["status"] as? String == "ok")
        return try #require(entry["requests"] as? [[String: Any]])
    }

    /// A valid INSZ no OCMW knows submits: listed at once as submitted (from the outbox), then,
    /// once delivered, as New Social reports it, with the dossier number and the same id. Both dialects.
    @Test(arguments: ["gent", "bonheiden"])
    func aNewApplicantSeesTheRequestFromTheFirstMoment(ocmw: String) async throws {
        try await Delivery().withDelivery(delivering: false) { fixture in
            let requests = "/v1/citizens/\(DemoCitizens.unknownINSZ)/requests"
            let json = SubmissionIntakeEndToEndTests.form()
                .replacingOccurrences(of: #""ocmw":"gent""#, with: #""ocmw":"\#(ocmw)""#)
            let response = try await fixture.client.execute(
                uri: requests, method: .post, headers: SubmissionIntakeEndToEndTests.headers(key: "follow-\(ocmw)"),
                body: SubmissionIntakeEndToEndTests.multipart(json: json))
            #expect(response.status == .accepted)
            let location = try #require(response.headers[.location])
            let id = String(location.dropFirst("/v1/submissions/".count))

            let waiting = try await Self.requests(fixture.client, requests, at: ocmw)
            #expect(waiting.count == 1, "\(waiting)")
            #expect(waiting.first?["submissionId"] as? String == id)
            #expect(waiting.first?["status"] as? String == "submitted")
            #expect(waiting.first?["submissionKind"] as? String == "helpRequest")
            #expect(waiting.first?["submittedDate"] as? String == testToday.iso8601)
            #expect((waiting.first?["submittedAt"] as? String)?.hasSuffix("Z") == true)
            #expect(waiting.first?["dossierNumber"] == nil)
            // The dossier's requests say the same.
            let dossier = try await fixture.client.json("/v1/citizens/\(DemoCitizens.unknownINSZ)/dossier")
            let parts = (dossier["ocmws"] as? [[String: Any]])?.first?["parts"] as? [String: Any]
            let dossierRequests = (parts?["requests"] as? [String: Any])?["data"] as? [[String: Any]]
            #expect(dossierRequests?.first?["submissionId"] as? String == id, "\(dossier)")

            fixture.startDelivery()
            let status = try await Delivery().settled(fixture.client, location)
            let dossierNumber = try #require(status["dossierNumber"] as? String)
            let delivered = try await Self.requests(fixture.client, requests, at: ocmw)
            // New Social lists it with the number; the proxy ties it to the submission.
            #expect(delivered.count == 1, "\(delivered)")
            for request in delivered {
                #expect(request["dossierNumber"] as? String == dossierNumber)
                #expect(request["submissionId"] as? String == id)
                #expect(request["submissionKind"] == nil, "as New Social reports it: \(request)")
                #expect(request["steps"] != nil)
            }
        }
    }

    /// A certificate request is in the requests while on its way, then in the certificates as
    /// New Social reports it, with the same id.
    @Test func aCertificateRequestIsFollowedIntoTheCertificates() async throws {
        try await Delivery().withDelivery(delivering: false) { fixture in
            let base = "/v1/citizens/\(DemoCitizens.wireframeINSZ)"
            let response = try await fixture.client.execute(
                uri: base + "/certificates", method: .post,
                headers: [.contentType: "application/json", .init("Idempotency-Key")!: "certificate-follow"],
                body: ByteBuffer(string: #"{"ocmw": "gent", "certificateType": "ATT-LL"}"#))
            #expect(response.status == .accepted)
            let location = try #require(response.headers[.location])
            let id = String(location.dropFirst("/v1/submissions/".count))
            let waiting = try await Self.requests(fixture.client, base + "/requests", at: "gent")
            let listed = try #require(waiting.first { $0["submissionId"] as? String == id }, "\(waiting)")
            #expect(listed["submissionKind"] as? String == "certificateRequest")
            #expect(listed["status"] as? String == "submitted")

            fixture.startDelivery()
            let number = try #require(try await Delivery().settled(fixture.client, location)["dossierNumber"] as? String)
            let after = try await Self.requests(fixture.client, base + "/requests", at: "gent")
            #expect(!after.contains { $0["submissionId"] as? String == id }, "no longer a request: \(after)")
            let answer = try await fixture.client.json(base + "/certificates")
            let gent = (answer["ocmws"] as? [[String: Any]])?.first { ($0["ocmw"] as? [String: Any])?["id"] as? String == "gent" }
            let certificates = try #require(gent?["certificates"] as? [[String: Any]])
            let certificate = try #require(certificates.first { $0["id"] as? String == number }, "\(certificates)")
            #expect(certificate["submissionId"] as? String == id)
            #expect(certificates.filter { $0["submissionId"] != nil }.count == 1, "the wireframe's own certificates have none")
        }
    }

    /// Another citizen's read never shows the submission; one that failed for good is listed
    /// as failed, with its reason.
    @Test func onlyTheCitizenSeesItAndAFailureIsListed() async throws {
        try await Delivery().withDelivery(maxAttempts: 1) { fixture in
            fixture.simulator.setFault(Fault(errorRate: 1), for: TenantID("gent")!)
            let location = try await Delivery().submit(fixture.client, ocmw: "gent", key: "fails-for-good")
            let id = String(location.dropFirst("/v1/submissions/".count))
            #expect(try await Delivery().settled(fixture.client, location)["status"] as? String == "failed")
            fixture.simulator.setFault(.none, for: TenantID("gent")!)
            let own = try await Self.requests(
                fixture.client, "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", at: "gent")
            let failed = try #require(own.first { $0["submissionId"] as? String == id }, "\(own)")
            #expect(failed["status"] as? String == "failed")
            #expect(failed["reason"] as? String == "retriesExhausted")
            let other = try await fixture.client.execute(
                uri: "/v1/citizens/\(DemoCitizens.unknownINSZ)/requests", method: .get)
            #expect(!String(buffer: other.body).contains(id))
        }
    }
}
