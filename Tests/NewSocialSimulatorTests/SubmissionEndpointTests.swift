import Foundation
import OCMWCore
import Testing

@testable import NewSocialSimulator

/// Submissions over real sockets (docs/newsocial-api.md, "Submissions"): gent speaks v2,
/// bonheiden v1 (the fixture's defaults).
@Suite("Submission endpoints")
struct SubmissionEndpointTests {
    static let insz = DemoCitizens.wireframeINSZ
    static let v2Requests = "/api/v2/citizens/\(insz)/requests"
    static let v1Requests = "/nsapi/v1/dossiers/\(DemoCitizens.twoOCMWINSZ)/aanvragen"
    /// A small PDF-ish document and its SHA-256 (computed with `sha256sum`).
    static let document = (
        base64: "JVBERi0xLjQKJXNpbXVsYXRlZCBiaWpsYWdlCg==",
        sha256: "b0bff9ce9656aa41f4b755d9c791d0cf90dc878de95ea8be0ed1f248f043a20f"
    )

    static func v2Body(categories: [String] = ["LL", "AFH"], text: String = "Ik heb hulp nodig.") -> String {
        let codes = categories.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"applicant":{"lastName":"Vandenbrande","firstName":"Jacqueline",\
            "domicile":{"street":"Kerkstraat 1","postalCode":"9000","municipality":"Gent"},\
            "email":"j@example.be","phone":"0470/123456"},"categories":[\(codes)],"text":"\(text)",\
            "documents":[{"mediaType":"application/pdf","sha256":"\(document.sha256)","contentBase64":"\(document.base64)"}]}
            """
    }

    static let v1Body = """
        {"aanvrager":{"naam":"De Smet","voornaam":"Pieter",\
        "domicilie":{"straat":"Dorpsstraat 3","postcode":"2820","gemeente":"Bonheiden"},\
        "email":"p@example.be","telefoon":"015/123456"},"categorieen":["BB"],"omschrijving":"Budgethulp",\
        "bijlagen":[{"mediatype":"application/pdf","sha256":"\(document.sha256)","inhoudBase64":"\(document.base64)"}]}
        """

    func post(_ port: Int, _ path: String, key: String?, _ body: String) throws -> RawResponse {
        var headers = ["Content-Type": "application/json"]
        if let key { headers["Idempotency-Key"] = key }
        return try RawHTTPConnection(port: port).request(method: "POST", path: path, headers: headers, body: body)
    }

    func json(_ response: RawResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any] ?? [:]
    }

    @Test("v2: 201 with a dossier number yyyy/NNNN, counted once")
    func v2Created() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let response = try post(ports[port: Fixture.gent], Self.v2Requests, key: "k-1", Self.v2Body())
            #expect(response.status == 201)
            let number = json(response)["dossierNumber"] as? String ?? ""
            #expect(number.wholeMatch(of: /\d{4}\/0001/) != nil)
            #expect(json(response)["status"] as? String == "submitted")
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 1)
            #expect(simulator.submissionsReceived(for: Fixture.gent) == 1)
        }
    }

    @Test("admin GET /submissions counts what each backend received, created and answered as a duplicate")
    func adminCounts() async throws {
        try await Fixture.withSimulator(adminPort: 0) { simulator, ports in
            let gent = ports[port: Fixture.gent]
            _ = try post(gent, Self.v2Requests, key: "k-1", Self.v2Body())
            _ = try post(gent, Self.v2Requests, key: "k-1", Self.v2Body())
            _ = try post(gent, Self.v2Requests, key: "k-2", Self.v2Body())
            let admin = try RawHTTPConnection(port: try #require(simulator.boundAdminPort))
            let counts = try #require(
                try JSONSerialization.jsonObject(with: Data(admin.get("/submissions").body.utf8)) as? [String: [String: Int]])
            #expect(counts["gent"] == ["received": 3, "created": 2, "duplicates": 1])
            #expect(counts["bonheiden"] == ["received": 0, "created": 0, "duplicates": 0])
        }
    }

    @Test("v1: 201 with a dossiernummer and status INGEDIEND")
    func v1Created() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let response = try post(ports[port: Fixture.bonheiden], Self.v1Requests, key: "k-1", Self.v1Body)
            #expect(response.status == 201)
            #expect((json(response)["dossiernummer"] as? String)?.wholeMatch(of: /\d{4}\/0001/) != nil)
            #expect(json(response)["status"] as? String == "INGEDIEND")
            #expect(simulator.submissionsCreated(for: Fixture.bonheiden) == 1)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 0)
        }
    }

    @Test("same key, same body (keys reordered): 200 with the same number, nothing new created")
    func duplicate() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            let first = try post(gent, Self.v2Requests, key: "retry-me", Self.v2Body())
            let reordered = try JSONSerialization.data(
                withJSONObject: JSONSerialization.jsonObject(with: Data(Self.v2Body().utf8)), options: [.sortedKeys])
            let again = try post(gent, Self.v2Requests, key: "retry-me", String(decoding: reordered, as: UTF8.self))
            #expect(first.status == 201)
            #expect(again.status == 200)
            #expect(again.body == first.body)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 1)
            #expect(simulator.duplicatesAnswered(for: Fixture.gent) == 1)
            #expect(simulator.submissionsReceived(for: Fixture.gent) == 2)
            // Another key is another submission, with the next number.
            let next = try post(gent, Self.v2Requests, key: "other", Self.v2Body())
            #expect((json(next)["dossierNumber"] as? String)?.hasSuffix("/0002") == true)
        }
    }

    @Test("same key, different body: 409, nothing created")
    func conflict() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            #expect(try post(gent, Self.v2Requests, key: "k", Self.v2Body()).status == 201)
            let response = try post(gent, Self.v2Requests, key: "k", Self.v2Body(text: "Iets anders."))
            #expect(response.status == 409)
            #expect(json(response)["error"] != nil)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 1)
        }
    }

    @Test("permanent refusals: 422 unknown category or bad document, 400 without a key")
    func refusals() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            let unknown = try post(gent, Self.v2Requests, key: "a", Self.v2Body(categories: ["LL", "XYZ"]))
            #expect(unknown.status == 422)
            #expect(json(unknown)["error"] as? String == "unknown category XYZ")
            let badHash = Self.v2Body().replacingOccurrences(of: Self.document.sha256, with: String(repeating: "0", count: 64))
            #expect(try post(gent, Self.v2Requests, key: "b", badHash).status == 422)
            let noName = Self.v2Body().replacingOccurrences(of: #""lastName":"Vandenbrande","#, with: "")
            let missing = try post(gent, Self.v2Requests, key: "c", noName)
            #expect(missing.status == 422)
            #expect(json(missing)["error"] as? String == "missing field applicant.lastName")
            #expect(try post(gent, Self.v2Requests, key: nil, Self.v2Body()).status == 400)
            #expect(try post(gent, Self.v2Requests, key: "d", "not json").status == 400)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 0)
            // A refused key is not remembered: the corrected body with it is created.
            #expect(try post(gent, Self.v2Requests, key: "a", Self.v2Body()).status == 201)
        }
    }

    @Test("errorRate 1: 500 and nothing created; healed, the same key creates it once")
    func failure() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            simulator.setFault(Fault(errorRate: 1), for: Fixture.gent)
            let failed = try post(gent, Self.v2Requests, key: "k", Self.v2Body())
            #expect(failed.status == 500)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 0)
            #expect(simulator.submissionsReceived(for: Fixture.gent) == 1)
            simulator.setFault(.none, for: Fixture.gent)
            let healed = try post(gent, Self.v2Requests, key: "k", Self.v2Body())
            #expect(healed.status == 201)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 1)
        }
    }

    @Test("garbage: processed, answer lost; the retry gets the original answer")
    func lostAnswer() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            simulator.setFault(Fault(mode: .garbage), for: Fixture.gent)
            #expect(try json(post(gent, Self.v2Requests, key: "k", Self.v2Body())).isEmpty)
            simulator.setFault(.none, for: Fixture.gent)
            let retry = try post(gent, Self.v2Requests, key: "k", Self.v2Body())
            #expect(retry.status == 200)
            #expect((json(retry)["dossierNumber"] as? String)?.hasSuffix("/0001") == true)
            #expect(simulator.submissionsCreated(for: Fixture.gent) == 1)
        }
    }

    @Test("an accepted request shows in the requests part, in both dialects")
    func appearsInRequests() async throws {
        try await Fixture.withSimulator { _, ports in
            let gent = ports[port: Fixture.gent]
            let number = try json(post(gent, Self.v2Requests, key: "k", Self.v2Body()))["dossierNumber"] as? String
            let requests = try json(RawHTTPConnection(port: gent).get(Self.v2Requests))["requests"] as? [[String: Any]] ?? []
            let added = requests.filter { $0["dossierNumber"] as? String == number }
            #expect(added.map { $0["kindCode"] as? String } == ["LL", "AFH"])
            #expect(added.allSatisfy { $0["status"] as? String == "submitted" })
            #expect(requests.count == added.count + DemoCitizens.wireframe.records[0].requests.count)

            let bonheiden = ports[port: Fixture.bonheiden]
            _ = try post(bonheiden, Self.v1Requests, key: "k", Self.v1Body)
            let aanvragen = try json(RawHTTPConnection(port: bonheiden).get(Self.v1Requests))["aanvragen"] as? [[String: Any]] ?? []
            #expect(aanvragen.contains { $0["soortCode"] as? String == "BB" && $0["status"] as? String == "INGEDIEND" })
        }
    }

    @Test("a citizen unknown to the OCMW becomes known through a submission")
    func newCitizen() async throws {
        try await Fixture.withSimulator { _, ports in
            let gent = ports[port: Fixture.gent]
            let path = "/api/v2/citizens/\(DemoCitizens.unknownINSZ)/requests"
            #expect(try RawHTTPConnection(port: gent).get(path).status == 404)
            #expect(try post(gent, path, key: "k", Self.v2Body()).status == 201)
            let requests = try json(RawHTTPConnection(port: gent).get(path))["requests"] as? [[String: Any]]
            #expect(requests?.count == 2)
        }
    }

    @Test("certificate requests: 201 in v2 (then listed as requested), 404 in v1")
    func certificateRequests() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let gent = ports[port: Fixture.gent]
            let path = "/api/v2/citizens/\(Self.insz)/certificate-requests"
            let response = try post(gent, path, key: "c-1", #"{"certificateType":"ATT-LL"}"#)
            #expect(response.status == 201)
            let number = json(response)["requestNumber"] as? String
            #expect(number?.wholeMatch(of: /ATT-\d{4}-0001/) != nil)
            #expect(json(response)["status"] as? String == "requested")
            #expect(try post(gent, path, key: "c-2", #"{"certificateType":"ATT-NOPE"}"#).status == 422)
            let listed = try json(RawHTTPConnection(port: gent).get("/api/v2/citizens/\(Self.insz)/certificates"))
            let certificates = listed["certificates"] as? [[String: Any]] ?? []
            #expect(certificates.contains { $0["id"] as? String == number && $0["status"] as? String == "requested" })

            let v1 = "/nsapi/v1/dossiers/\(DemoCitizens.twoOCMWINSZ)/certificate-requests"
            #expect(try post(ports[port: Fixture.bonheiden], v1, key: "c-1", #"{"certificateType":"ATT-LL"}"#).status == 404)
            #expect(simulator.submissionsReceived(for: Fixture.bonheiden) == 0)
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func digest() {
        #expect(SHA256Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Digest.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
