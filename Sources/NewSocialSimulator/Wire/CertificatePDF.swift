import OCMWCore

/// A small, valid, one-page PDF per certificate: the same certificate always gives the same bytes.
///
/// Written by hand rather than with a library: it needs five objects, a text stream and an exact
/// cross-reference table, and no timestamps or ids that would make it differ between runs.
enum CertificatePDF {
    /// The certificate as a PDF naming the OCMW, the type, the id and the issue date.
    static func document(_ certificate: Certificate, issued: DayDate, ocmwName: String) -> [UInt8] {
        let parts = parts(certificate, issued: issued, ocmwName: ocmwName, fillerBytes: 0)
        return parts.head + parts.tail
    }

    /// The same PDF, `totalBytes` long (when that is above its own size) by filler comment lines
    /// after the header: a head, the filler to generate, and a tail whose offsets count it.
    static func large(_ certificate: Certificate, issued: DayDate, ocmwName: String, totalBytes: Int) -> GeneratedBody {
        var filler = 0
        var parts = parts(certificate, issued: issued, ocmwName: ocmwName, fillerBytes: filler)
        // The tail's offsets grow a digit now and then with the filler: two rounds settle it.
        for _ in 0..<3 where parts.head.count + filler + parts.tail.count != totalBytes {
            filler = max(0, totalBytes - parts.head.count - parts.tail.count)
            parts = self.parts(certificate, issued: issued, ocmwName: ocmwName, fillerBytes: filler)
        }
        return GeneratedBody(head: parts.head, fillerBytes: filler, tail: parts.tail)
    }

    /// The header, and everything after the (not included) `fillerBytes` of filler.
    private static func parts(
        _ certificate: Certificate, issued: DayDate, ocmwName: String,
        fillerBytes: Int
    ) -> (head: [UInt8], tail: [UInt8]) {
        let lines: [(size: Int, text: String)] = [
            (20, ocmwName), (16, certificate.typeLabel), (11, "Attest nr. \(certificate.id)"),
            (11, "Uitgereikt op \(issued.belgian)"),
        ]
        var content: [UInt8] = Array("BT\n72 770 Td\n".utf8)
        for (index, line) in lines.enumerated() {
            if index > 0 { content += Array("0 -\(line.size + 14) Td\n".utf8) }
            content += Array("/F1 \(line.size) Tf\n(".utf8) + textString(line.text) + Array(") Tj\n".utf8)
        }
        content += Array("ET\n".utf8)

        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array(
                ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    + "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>").utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("endstream".utf8),
        ]
        // The second line marks the file as binary for transfer tools (ISO 32000-1, 7.5.2).
        let head: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        // Offsets count from the file's start: the head and the filler come before the tail.
        let before = head.count + fillerBytes
        var pdf: [UInt8] = []
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(before + pdf.count)
            pdf += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = before + pdf.count
        // Each cross-reference entry is exactly 20 bytes, ending in space + newline.
        pdf += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { pdf += Array("\(pad(offset, 10)) 00000 n \n".utf8) }
        pdf += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return (head, pdf)
    }

    /// A PDF literal string's content in WinAnsiEncoding: Latin-1 characters as their byte (WinAnsi
    /// agrees with Latin-1 there, so "financiële" prints right), anything else as `?`; `(`, `)`
    /// and `\` escaped.
    static func textString(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x28, 0x29, 0x5C: bytes += [0x5C, UInt8(scalar.value)]
            case 0x20...0x7E, 0xA0...0xFF: bytes.append(UInt8(scalar.value))
            default: bytes.append(UInt8(ascii: "?"))
            }
        }
        return bytes
    }
}
