import AuditTrail
import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// Every decision about citizen data is in the audit trail with the status the caller got —
/// refused submissions and downloads too — and a trail that cannot record refuses to serve
/// rather than drop records.
@Suite struct AuditCompletenessTests {
    static let wireframe = try! INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)
    static let other = try! INSZ(parsing: DemoCitizens.twoOCMWINSZ, currentYear: testCurrentYear)
    static let document = "/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates/gent/ATT-2023-0042/document"

    private func records(_ security: TestSecurity) async throws -> [AuditRecord] {
        try await security.auditWriter.flush()
        return try await security.auditStore.records(from: .distantPast, to: .distantFuture)
    }

    @Test func refusedSubmissionsAndDownloadsAreAuditedAsDenied() async throws {
        let security = try await TestSecurity()
        let boundToOther = "Bearer " + (try await security.token(insz: Self.other))
        try await withProxyAndSimulator(security: security) { client, _ in
            let submitted = try await client.execute(
                uri: "/v1/citizens/\(DemoCitizens.wireframeINSZ)/requests", method: .post,
                headers: SubmissionIntakeEndToEndTests.headers(key: "denied-1"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form()),
                authorization: .some(boundToOther))
            #expect(submitted.status == .forbidden)
            let downloaded = try await client.execute(uri: Self.document, method: .get, authorization: .some(boundToOther))
            #expect(downloaded.status == .forbidden)
        }
        let records = try await records(security)
        let submit = try #require(records.first { $0.action == .submit })
        #expect(submit.outcome == .denied)
        #expect(submit.httpStatus == 403)
        #expect(submit.citizen == security.audit.pseudonymOf(Self.wireframe), "the citizen asked about, not the token's")
        let download = try #require(records.first { $0.action == .download })
        #expect(download.outcome == .denied)
        #expect(download.httpStatus == 403)
        #expect(download.tenants == [TenantID("gent")!])
    }

    @Test func aDownloadTheOCMWFailedIsAuditedWithTheStatusTheCallerGot() async throws {
        let security = try await TestSecurity()
        try await withProxyAndSimulator(security: security) { client, simulator in
            simulator.setFault(Fault(errorRate: 1), for: TenantID("gent")!)
            let downloaded = try await client.execute(uri: Self.document, method: .get)
            #expect(downloaded.status == .badGateway)
        }
        let download = try #require(try await records(security).first { $0.action == .download })
        #expect(download.outcome == .error)
        #expect(download.httpStatus == 502)
    }

    @Test func aFullAuditTrailRefusesCitizenRequestsAndSaysSoUntilItRecordsAgain() async throws {
        let security = try await TestSecurity(auditCapacity: 2)
        security.switchableAuditStore.setDown(true)
        try await withProxyAndSimulator(security: security) { client, _ in
            let dossier = "/v1/citizens/\(DemoCitizens.wireframeINSZ)/rights"
            #expect(try await client.execute(uri: dossier, method: .get).status == .ok)
            #expect(try await client.execute(uri: dossier, method: .get).status == .ok)
            await #expect(throws: (any Error).self) { try await security.auditWriter.flush() }
            #expect(security.auditWriter.pendingCount == 2, "nothing dropped while the store is down")

            let refused = try await client.execute(uri: dossier, method: .get)
            #expect(refused.status == .serviceUnavailable)
            #expect(AuditCompletenessTests.problemType(refused) == "urn:ocmw-proxy:problem:audit-unavailable")
            #expect(refused.headers[.retryAfter] == "5")
            let ready = try await client.execute(uri: "/health/ready", method: .get, authorization: nil)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).contains(#""auditTrail":"full""#))

            security.switchableAuditStore.setDown(false)
            try await security.auditWriter.flush()
            #expect(try await client.execute(uri: dossier, method: .get).status == .ok)
            #expect(try await client.execute(uri: "/health/ready", method: .get, authorization: nil).status == .ok)
        }
        #expect(try await records(security).count == 3, "both reads before the outage's end and the one after")
    }

    static func problemType(_ response: TestResponse) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["type"] as? String
    }
}
