import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Certificate PDFs")
struct CertificatePDFTests {
    static let certificate = Certificate(
        id: "ATT-2023-0042", typeCode: "AFH", typeLabel: "Attest aanvullende financiële hulp (AFH)",
        status: .available, requestedDate: .literal(2023, 9, 1), issuedDate: .literal(2023, 9, 4))

    static func pdf() -> [UInt8] { CertificatePDF.document(certificate, issued: .literal(2023, 9, 4), ocmwName: "OCMW Gent") }

    /// The bytes as Latin-1 text, so every byte is one character and offsets stay byte offsets.
    static func latin1(_ bytes: [UInt8]) -> String { String(bytes.map { Character(Unicode.Scalar($0)) }) }

    @Test("the same certificate always gives the same bytes, starting with the PDF header and ending with %%EOF")
    func deterministic() {
        let pdf = Self.pdf()
        #expect(pdf == Self.pdf())
        #expect(pdf.starts(with: Array("%PDF-1.4\n".utf8)))
        #expect(Self.latin1(pdf).hasSuffix("%%EOF\n"))
    }

    @Test("the page names the OCMW, the type, the id and the issue date; Latin-1 text as WinAnsi bytes, parentheses escaped")
    func content() {
        let text = Self.latin1(Self.pdf())
        #expect(text.contains("(OCMW Gent) Tj"))
        #expect(text.contains("(Attest aanvullende financi\u{EB}le hulp \\(AFH\\)) Tj"))
        #expect(text.contains("(Attest nr. ATT-2023-0042) Tj"))
        #expect(text.contains("(Uitgereikt op 04/09/2023) Tj"))
        #expect(CertificatePDF.textString("€ ok") == Array("? ok".utf8))
    }

    @Test("the cross-reference table points at each object and startxref at the table")
    func crossReferences() throws {
        let pdf = Self.pdf()
        let text = Self.latin1(pdf)
        let startxref = try #require(text.range(of: "startxref\n"))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        #expect(Self.latin1(Array(pdf[xrefOffset...])).hasPrefix("xref\n0 6\n0000000000 65535 f \n"))
        let entries = Self.latin1(Array(pdf[xrefOffset...])).split(separator: "\n").dropFirst(3).prefix(5)
        for (index, entry) in entries.enumerated() {
            #expect(entry.count == 19, "an entry and its newline are 20 bytes")
            let offset = try #require(Int(entry.prefix(10)))
            #expect(Self.latin1(Array(pdf[offset...])).hasPrefix("\(index + 1) 0 obj\n"))
        }
        let length = try #require(text.range(of: "/Length "))
        let declared = try #require(Int(text[length.upperBound...].prefix { $0.isNumber }))
        let stream = try #require(text.range(of: "stream\n")), end = try #require(text.range(of: "endstream"))
        #expect(text.distance(from: stream.upperBound, to: end.lowerBound) == declared)
    }
}
