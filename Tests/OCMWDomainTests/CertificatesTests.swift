import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Certificates (v2 only)")
struct CertificatesTests {
    @Test("The wireframe citizen's certificates: one available, one requested")
    func normalises() throws {
        let certificates = try NewSocialDecoder.decodeCertificates(
            Wireframe.fixture(.certificates, .v2), dialect: .v2,
            insz: Wireframe.insz())
        #expect(certificates == (try Wireframe.certificates()))
        #expect(certificates.map(\.isDownloadable) == [true, false])
    }

    @Test("An unknown certificate status is kept with its code and is not downloadable")
    func unknownStatus() throws {
        let body = WireBodies.certificates(["status": WireBodies.text("archived")])
        let certificate = try #require(try NewSocialDecoder.decodeCertificates(body, dialect: .v2, insz: Wireframe.insz()).first)
        #expect(certificate.status == .unknown("archived"))
        #expect(!certificate.isDownloadable)
        #expect(
            try sortedJSON(certificate) == #"{"id":"ATT-2023-0042","issuedDate":"2023-09-04","rawStatus":"archived","#
                + #""requestedDate":"2023-09-01","status":"unknown","type":{"code":"ATT-LL","label":"Attest leefloon"}}"#)
    }

    @Test("v1 has no certificates: decoding one is refused as not offered")
    func v1NotOffered() throws {
        let body = WireBodies.certificates()
        #expect(throws: NormalisationError.partNotOffered) {
            try NewSocialDecoder.decodeCertificates(body, dialect: .v1, insz: try Wireframe.insz())
        }
        #expect(throws: NormalisationError.partNotOffered) {
            try NewSocialDecoder.decodeCertificateDocument(Array("%PDF-1.4".utf8), dialect: .v1)
        }
    }

    @Test(
        "A certificate document must be a PDF",
        arguments: [
            ("%PDF-1.4\n%\u{E2}", true), ("%PDF-", true), ("{\"error\": \"unknown certificate\"}", false),
            ("<html>%PDF-1.4", false), ("", false), ("%PDF", false),
        ])
    func documentIsPDF(_ text: String, valid: Bool) throws {
        let bytes = Array(text.utf8)
        if valid {
            #expect(try NewSocialDecoder.decodeCertificateDocument(bytes, dialect: .v2) == bytes)
        } else {
            #expect(throws: NormalisationError.notPDF) { try NewSocialDecoder.decodeCertificateDocument(bytes, dialect: .v2) }
        }
    }

    @Test("Certificates encode with their type and dates, and survive a round trip")
    func encodesShape() throws {
        let certificates = try Wireframe.certificates()
        #expect(
            try sortedJSON(certificates[1]) == #"{"id":"ATT-2023-0057","requestedDate":"2023-09-20","status":"requested","#
                + #""type":{"code":"ATT-STEUN","label":"Attest ontvangen steun"}}"#)
        let decoded = try JSONDecoder().decode([Certificate].self, from: JSONEncoder().encode(certificates))
        #expect(decoded == certificates)
    }
}
