extension MultipartParser {
    /// Extracts and validates the boundary of a `multipart/form-data` Content-Type header value.
    ///
    /// - Parameter contentType: the header value, e.g. `multipart/form-data; boundary=abc`.
    /// - Returns: the boundary, 1–70 characters from RFC 2046's `bchars`, not ending in a space.
    /// - Throws: `IntakeError` of kind `malformed` if the media type is not multipart/form-data
    ///   or the boundary is missing or invalid.
    public static func boundary(fromContentType contentType: String) throws(IntakeError) -> String {
        let pieces = contentType.split(separator: ";", omittingEmptySubsequences: false)
        guard let mediaType = pieces.first,
            mediaType.trimmingASCIISpaces().lowercased() == "multipart/form-data"
        else {
            throw .malformed("notMultipart", "Content-Type must be multipart/form-data")
        }
        for parameter in pieces.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[..<equals].trimmingASCIISpaces().lowercased()
            guard key == "boundary" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingASCIISpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = value.dropFirst().dropLast()
            }
            guard isValidBoundary(value) else {
                throw .malformed("invalidBoundary", "the multipart boundary is not valid")
            }
            return String(value)
        }
        throw .malformed("missingBoundary", "the multipart boundary is missing")
    }

    /// RFC 2046 §5.1.1: 1–70 `bchars`, the last one not a space.
    static func isValidBoundary(_ boundary: Substring) -> Bool {
        let extra: Set<UInt8> = Set("'()+_,-./:=? ".utf8)
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != 0x20 else { return false }
        return bytes.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || extra.contains(byte)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (header whitespace), nothing else.
    func trimmingASCIISpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}
