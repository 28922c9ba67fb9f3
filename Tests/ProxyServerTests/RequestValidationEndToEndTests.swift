import AuditTrail
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NewSocialSimulator
import OCMWCore
import Outbox
import ProxyTesting
import Testing

/// `POST /v1/citizens/{insz}/requests/validation`: the form's problems and warnings before
/// sending, nothing stored, nothing sent; and a 202 that says which warnings were acknowledged.
@Suite struct RequestValidationEndToEndTests {
    typealias Intake = SubmissionIntakeEndToEndTests
    static let validation = "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests/validation"

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    /// A proxy in front of the simulator, with the outbox and audit trail the test looks into.
    func withValidation(
        _ body: @Sendable (AuthorizedClient, NewSocialSimulator, any OutboxStore, TestSecurity) async throws -> Void
    ) async throws {
        let security = try await TestSecurity()
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(security: security, outbox: outbox) { client, simulator in
            try await body(client, simulator, outbox, security)
        }
    }

    @Test func aValidFormOutsideTheOCMWsAreaIsValidWithItsWarningAndNothingIsStored() async throws {
        try await withValidation { client, simulator, outbox, security in
            let response = try await client.execute(
                uri: Self.validation, method: .post, headers: Intake.headers(key: nil),
                body: Intake.multipart(json: Intake.form(postalCode: "2000")))
            #expect(response.status == .ok)
            let answer = try Self.object(response)
            #expect(answer["valid"] as? Bool == true)
            #expect((answer["problems"] as? [Any])?.isEmpty == true)
            let warnings = try #require(answer["warnings"] as? [[String: Any]])
            #expect(warnings.map { $0["code"] as? String } == ["domicileOutsideMunicipality"])
            #expect((warnings.first?["message"] as? String)?.contains("u woont niet in Gent") == true)
            #expect(warnings.first?["acknowledged"] == nil)
            // Within the area: no warning.
            let inside = try await client.execute(
                uri: Self.validation, method: .post, headers: Intake.headers(key: nil), body: Intake.multipart(json: Intake.form()))
            #expect((try Self.object(inside)["warnings"] as? [Any])?.isEmpty == true)

            #expect(try await outbox.counts().isEmpty, "no outbox row")
            #expect(simulator.submissionsReceived(for: TenantID("gent")!) == 0)
            try await security.auditWriter.flush()
            let actions = try await security.auditStore.records(from: .distantPast, to: .distantFuture).map(\.action)
            #expect(actions == [.validate, .validate], "audited as checks, not as submissions")
        }
    }

    @Test func aJSONFormWithProblemsListsThemWithTheWarnings() async throws {
        try await withValidation { client, _, outbox, _ in
            let json = Intake.form(postalCode: "2000", email: "not-an-address")
            let response = try await client.execute(
                uri: Self.validation, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: json))
            #expect(response.status == .ok)
            let answer = try Self.object(response)
            #expect(answer["valid"] as? Bool == false)
            let problems = try #require(answer["problems"] as? [[String: Any]])
            #expect(problems.map { $0["field"] as? String } == ["applicant.email"])
            #expect((answer["warnings"] as? [[String: Any]])?.map { $0["code"] as? String } == ["domicileOutsideMunicipality"])
            #expect(try await outbox.counts().isEmpty)
        }
    }

    @Test func aBodyThatCannotBeReadIsTheSubmissionsProblem() async throws {
        try await withValidation { client, _, _, _ in
            let response = try await client.execute(
                uri: Self.validation, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{not json"))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let tooLarge = try await client.execute(
                uri: Self.validation, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(repeating: UInt8(ascii: " "), count: 65 * 1024))
            #expect(tooLarge.status == .contentTooLarge)
        }
    }

    @Test func aReadOnlyTokenOrOneForAnotherCitizenMayNotCheck() async throws {
        try await withValidation { client, _, _, security in
            let token = try await security.token(scopes: ["ocmw.dossier.read"])
            let response = try await client.execute(
                uri: Self.validation, method: .post, headers: Intake.headers(key: nil),
                body: Intake.multipart(json: Intake.form()), authorization: "Bearer \(token)")
            #expect(response.status == .forbidden)
            // A token bound to another citizen neither.
            let other = try await security.token(insz: try INSZ(parsing: DemoCitizens.unknownINSZ, currentYear: testCurrentYear))
            let forOther = try await client.execute(
                uri: Self.validation, method: .post, headers: Intake.headers(key: nil),
                body: Intake.multipart(json: Intake.form()), authorization: "Bearer \(other)")
            #expect(forOther.status == .forbidden)
        }
    }

    /// Warnings not acknowledged do not stop a submission; its 202 says which were.
    @Test(arguments: [false, true])
    func aSubmissionSaysWhetherItsWarningsWereAcknowledged(acknowledging: Bool) async throws {
        try await withValidation { client, _, _, _ in
            var json = Intake.form(postalCode: "2000")
            if acknowledging {
                json = json.replacingOccurrences(
                    of: #""ocmw":"gent","#, with: #""ocmw":"gent","acknowledgedWarnings":["domicileOutsideMunicipality"],"#)
            }
            let response = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: Intake.headers(key: "ack-\(acknowledging)"), body: Intake.multipart(json: json))
            #expect(response.status == .accepted)
            let answer = try Self.object(response)
            let details = try #require(answer["warningDetails"] as? [[String: Any]], "\(answer)")
            #expect(details.map { $0["code"] as? String } == ["domicileOutsideMunicipality"])
            #expect(details.first?["acknowledged"] as? Bool == acknowledging)
            #expect((answer["warnings"] as? [String])?.count == 1)
        }
    }
}
