import OCMWCore
import Testing

@testable import SubmissionIntake

@Suite struct CanonicalPayloadTests {
    /// 85073003328: born 1985-07-30, check digits 97 − (850730033 mod 97).
    static func citizen() throws -> INSZ { try INSZ(parsing: "85073003328", currentYear: 2025) }
    static let documents = [DocumentDigest(type: .pdf, sizeBytes: 12, sha256: String(repeating: "a", count: 64))]

    @Test func sameSubmissionGivesTheSameBytes() throws {
        let first = try Fixtures.form.validated(tenants: Fixtures.tenants).value
        let again = try FormDecoding.decode(
            HelpRequestForm.self,
            from: Array(
                """
                {"text":"Ik ben werkloos.","categories":["BUD"],"ocmw":"gent","applicant":{"phone":"0479/58 74 26",
                 "email":"jacqueline.vandenbrande@example.be","firstName":"Jacqueline","lastName":" Vandenbrande",
                 "domicile":{"municipality":"Gent","postalCode":"9000","street":"Koning Albertlaan 82"}}}
                """.utf8)
        ).validated(tenants: Fixtures.tenants).value
        let citizen = try Self.citizen()
        #expect(
            CanonicalPayload.helpRequest(first, citizen: citizen, documents: Self.documents)
                == CanonicalPayload.helpRequest(again, citizen: citizen, documents: Self.documents))
    }

    @Test func bytesAreSortedCompactJSON() throws {
        let request = try CertificateRequestForm(ocmw: "gent", certificateType: "ATT-LL").validated(tenants: Fixtures.tenants).value
        let bytes = CanonicalPayload.certificateRequest(request, citizen: try Self.citizen())
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"certificateType":"ATT-LL","citizen":"85073003328","kind":"certificateRequest","ocmw":"gent"}"#)
    }

    @Test func differentDocumentsGiveDifferentBytes() throws {
        let request = try Fixtures.form.validated(tenants: Fixtures.tenants).value
        let citizen = try Self.citizen()
        #expect(
            CanonicalPayload.helpRequest(request, citizen: citizen, documents: Self.documents)
                != CanonicalPayload.helpRequest(request, citizen: citizen, documents: []))
    }

    @Test func escapesQuotesAndControlCharacters() {
        #expect(String(decoding: CanonicalJSON.string("a\"b\\\n").bytes, as: UTF8.self) == #""a\"b\\\u000a""#)
    }
}
