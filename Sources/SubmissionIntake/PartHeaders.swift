/// The headers of one part that matter to us, parsed from its header block.
struct PartHeaders: Equatable {
    let name: String
    let filename: String?
    let contentType: String?

    /// Parses header lines separated by CRLF (the blank line already removed).
    /// - Throws: `malformed` for invalid UTF-8, a line without a colon, folded lines, or a
    ///   missing or unusable `Content-Disposition: form-data; name=…`.
    init(parsing block: ArraySlice<UInt8>) throws(IntakeError) {
        // Browsers send non-ASCII file names as raw UTF-8; anything else is refused.
        guard let text = String(validating: block, as: UTF8.self) else {
            throw .malformed("invalidHeaderEncoding", "part headers are not valid UTF-8")
        }
        var disposition: Substring?
        var contentType: String?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t" else {
                throw .malformed("invalidHeaderLine", "a part header line is not `name: value`")
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingASCIISpaces()
            if name == "content-disposition" { disposition = value }
            if name == "content-type" { contentType = String(value.prefix(255)) }
        }
        guard let disposition else {
            throw .malformed("missingContentDisposition", "a part has no Content-Disposition header")
        }
        let parameters = try Self.dispositionParameters(disposition)
        guard let name = parameters["name"], !name.isEmpty else {
            throw .malformed("missingPartName", "a part has no name")
        }
        self.name = name
        self.filename = parameters["filename"]
        self.contentType = contentType
    }

    /// `form-data; name="a"; filename="b.pdf"` → `["name": "a", "filename": "b.pdf"]`, keys lowercased.
    static func dispositionParameters(_ value: Substring) throws(IntakeError) -> [String: String] {
        var scalars = Substring.UnicodeScalarView.SubSequence(value.unicodeScalars)
        let type = String(String.UnicodeScalarView(scalars.prefix { $0 != ";" }))
        guard type.trimmingASCIISpaces().lowercased() == "form-data" else {
            throw .malformed("notFormData", "a part's Content-Disposition is not form-data")
        }
        scalars = scalars.drop { $0 != ";" }
        var parameters: [String: String] = [:]
        while scalars.first == ";" {
            scalars = scalars.dropFirst().drop { $0 == " " || $0 == "\t" }
            let key = String(String.UnicodeScalarView(scalars.prefix { $0 != "=" && $0 != ";" })).lowercased()
            scalars = scalars.drop { $0 != "=" && $0 != ";" }
            guard scalars.first == "=" else { continue }
            scalars = scalars.dropFirst()
            let value: String
            if scalars.first == "\"" {
                (value, scalars) = try quotedString(scalars.dropFirst())
            } else {
                value = String(String.UnicodeScalarView(scalars.prefix { $0 != ";" })).trimmingASCIISpaces().description
                scalars = scalars.drop { $0 != ";" }
            }
            // A repeated parameter is ambiguous; the first one wins, as in most servers.
            if parameters[key.trimmingASCIISpaces().description] == nil {
                parameters[key.trimmingASCIISpaces().description] = value
            }
            scalars = scalars.drop { $0 != ";" }
        }
        return parameters
    }

    /// Reads a quoted string's content (after its opening quote), honouring backslash escapes.
    private static func quotedString(
        _ input: Substring.UnicodeScalarView.SubSequence
    ) throws(IntakeError) -> (String, Substring.UnicodeScalarView.SubSequence) {
        var result = String.UnicodeScalarView()
        var rest = input
        while let scalar = rest.first {
            rest = rest.dropFirst()
            switch scalar {
            case "\"": return (String(result), rest)
            case "\\":
                guard let escaped = rest.first else { break }
                result.append(escaped)
                rest = rest.dropFirst()
            default: result.append(scalar)
            }
        }
        throw .malformed("unterminatedQuote", "a quoted header parameter is not closed")
    }
}
