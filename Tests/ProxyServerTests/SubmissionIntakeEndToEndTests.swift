import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import Outbox
import ProxyServer
import ProxyTesting
import Testing

/// Submissions through the real server: accepted only once committed to the outbox, idempotent,
/// and refused with precise problems — leaving nothing stored — when they are not acceptable.
@Suite struct SubmissionIntakeEndToEndTests {
    static let boundary = "ocmw-test-boundary"
    static let pdf = Array("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    static func form(
        postalCode: String = "9000", email: String = "jacqueline@example.org",
        categories: [String] = ["LL"]
    ) -> String {
        let list = categories.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"ocmw":"gent","applicant":{"lastName":"Vandenbrande","firstName":"Jacqueline",
            "domicile":{"street":"Koning Albertlaan 82","postalCode":"\(postalCode)","municipality":"Gent"},
            "email":"\(email)","phone":"0474 75 87 42"},"categories":[\(list)],"text":"Ik vraag hulp."}
            """
    }

    static func multipart(json: String, files: [[UInt8]] = [pdf]) -> ByteBuffer {
        var body: [UInt8] = []
        func add(_ text: String) { body.append(contentsOf: Array(text.utf8)) }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n")
        add(json)
        for (index, file) in files.enumerated() {
            add("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"doc\(index).pdf\"\r\n")
            add("Content-Type: application/pdf\r\n\r\n")
            body.append(contentsOf: file)
        }
        add("\r\n--\(boundary)--\r\n")
        return ByteBuffer(bytes: body)
    }

    static func headers(key: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let key { fields[.init("Idempotency-Key")!] = key }
        return fields
    }

    func submit(
        _ client: AuthorizedClient, key: String? = "key-1", json: String = form(),
        files: [[UInt8]] = [pdf]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
            headers: Self.headers(key: key), body: Self.multipart(json: json, files: files))
    }

    @Test func acceptedRequestHasALocationAndIsStoredDurably() async throws {
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(outbox: outbox) { client, _ in
            let response = try await submit(client)
            #expect(response.status == .accepted)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/v1/submissions/"))
            let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect(answer?["status"] as? String == "accepted")
            #expect(answer?["ocmw"] as? String == "gent")
            let status = try await client.json(location)
            #expect(status["status"] as? String == "accepted")
        }
        #expect(try await outbox.counts()[TenantID("gent")!]?[.accepted] == 1)
    }

    @Test func sameKeySameBodyIsTheSameSubmissionAndADifferentBodyIsAConflict() async throws {
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(outbox: outbox) { client, _ in
            let first = try await submit(client)
            let again = try await submit(client)
            #expect(again.status == .accepted)
            #expect(again.headers[.location] == first.headers[.location])
            let other = try await submit(client, json: Self.form(postalCode: "9050"))
            #expect(other.status == .conflict)
            #expect(other.headers[.contentType] == "application/problem+json")
        }
        #expect(try await outbox.counts()[TenantID("gent")!]?[.accepted] == 1)
    }

    @Test func domicileOutsideTheMunicipalityIsAcceptedWithAWarning() async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await submit(client, json: Self.form(postalCode: "8400"))
            #expect(response.status == .accepted)
            let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let warnings = try #require(answer?["warnings"] as? [String])
            #expect(warnings.contains { $0.contains("Gent") })
        }
    }

    @Test(
        arguments: [
            ("missing key", nil, form(), [pdf], 400),
            ("a GIF declared as PDF", "k", form(), [Array("GIF89a......".utf8)], 415),
            ("a bad e-mail", "k", form(email: "not-an-address"), [pdf], 400),
            ("an unknown category", "k", form(categories: ["XYZ"]), [pdf], 400),
            ("a file over 10 MiB", "k", form(), [pdf + [UInt8](repeating: 0x20, count: 10 * 1024 * 1024)], 413),
        ] as [(String, String?, String, [[UInt8]], Int)])
    func refusedSubmissionLeavesNothingStored(_ what: String, key: String?, json: String, files: [[UInt8]], status: Int) async throws {
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(outbox: outbox) { client, _ in
            let response = try await submit(client, key: key, json: json, files: files)
            #expect(Int(response.status.code) == status, "\(what)")
            #expect(response.headers[.contentType] == "application/problem+json", "\(what)")
        }
        #expect(try await outbox.counts().isEmpty, "\(what): nothing stored")
    }

    @Test func badFieldIsNamedInTheProblem() async throws {
        try await withProxyAndSimulator { client, _ in
            let response = try await submit(client, json: Self.form(email: "nope"))
            #expect(String(buffer: response.body).contains("applicant.email"))
        }
    }

    /// The form's checks that need two fields: the e-mail typed twice must match, and a residence
    /// is only for a citizen who does not live at the domicile. Nothing is stored.
    @Test func aMismatchedEmailConfirmationAndAResidenceAtTheDomicileAreNamed() async throws {
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(outbox: outbox) { client, _ in
            let json = Self.form()
                .replacingOccurrences(
                    of: #""email":"jacqueline@example.org","#,
                    with: #""email":"jacqueline@example.org","emailConfirmation":"jaqueline@example.org","#
                )
                .replacingOccurrences(
                    of: #""phone":"#,
                    with: #""residence":{"street":"Koning Albertlaan 82","postalCode":"9000","municipality":"Gent"},"phone":"#)
            let response = try await submit(client, json: json)
            #expect(response.status == .badRequest)
            let body = String(buffer: response.body)
            #expect(body.contains("invalid-submission"))
            #expect(body.contains("applicant.emailConfirmation"), "\(body)")
            #expect(body.contains("applicant.residence"), "\(body)")
            #expect(try await outbox.counts().isEmpty, "nothing of a refused submission is stored")
        }
    }

    @Test func certificateRequestIsAcceptedForAV2OCMWAndRefusedForAV1One() async throws {
        try await withProxyAndSimulator { client, _ in
            var headers: HTTPFields = [.contentType: "application/json", .init("Idempotency-Key")!: "cert-1"]
            let ok = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates", method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"ocmw":"gent","certificateType":"ATT-LL"}"#))
            #expect(ok.status == .accepted)
            headers[.init("Idempotency-Key")!] = "cert-2"
            let v1 = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates", method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"ocmw":"bonheiden","certificateType":"ATT-LL"}"#))
            #expect(v1.status == .unprocessableContent)
        }
    }

    @Test func submittingNeedsTheSubmitScope() async throws {
        let security = try await TestSecurity()
        let readOnly = "Bearer " + (try await security.token(scopes: ["ocmw.dossier.read"]))
        try await withProxyAndSimulator(security: security) { client, _ in
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: Self.headers(key: "k"), body: Self.multipart(json: Self.form()),
                authorization: readOnly)
            #expect(response.status == .forbidden)
        }
    }
}

extension SubmissionIntakeEndToEndTests {
    @Test func oversizedCertificateRequestIsA413() async throws {
        try await withProxyAndSimulator { client, _ in
            let headers: HTTPFields = [.contentType: "application/json", .init("Idempotency-Key")!: "big"]
            let body = #"{"ocmw":"gent","certificateType":"ATT-LL","padding":""# + String(repeating: "x", count: 20_000) + #""}"#
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates", method: .post,
                headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }
}
