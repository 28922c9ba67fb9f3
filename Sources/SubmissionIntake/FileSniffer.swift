/// A document type accepted in a submission, recognised by content.
public enum DocumentType: String, Sendable, Equatable, CaseIterable, Codable {
    case pdf, jpeg, png

    /// The media type to declare when the document is delivered.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The leading bytes that identify the type.
    var signature: [UInt8] {
        switch self {
        case .pdf: Array("%PDF-".utf8)
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        }
    }
}

/// Decides a file's type from its first bytes as they stream in; the declared Content-Type and
/// file name are never consulted, because both are chosen by the client.
public struct FileSniffer: Sendable {
    /// What is known so far.
    public enum Verdict: Sendable, Equatable {
        /// Too few bytes to tell yet.
        case undecided
        case accepted(DocumentType)
        /// Not a PDF, JPEG or PNG.
        case rejected
    }

    private var head: [UInt8] = []
    /// The current verdict; once decided it never changes.
    public private(set) var verdict: Verdict = .undecided

    public init() {}

    /// Looks at the next bytes of the file; only the first few are ever kept.
    @discardableResult
    public mutating func consume(_ bytes: some Collection<UInt8>) -> Verdict {
        guard verdict == .undecided else { return verdict }
        let longest = DocumentType.allCases.map(\.signature.count).max() ?? 0
        head.append(contentsOf: bytes.prefix(longest - head.count))
        let candidates = DocumentType.allCases.filter { type in
            type.signature.starts(with: head) || head.starts(with: type.signature)
        }
        if let match = candidates.first(where: { head.starts(with: $0.signature) }) {
            verdict = .accepted(match)
        } else if candidates.isEmpty {
            verdict = .rejected
        }
        return verdict
    }

    /// The end of the file: a file still undecided (empty, or shorter than its signature) is rejected.
    public mutating func finish() -> Verdict {
        if verdict == .undecided { verdict = .rejected }
        return verdict
    }
}

extension IntakeError {
    /// A file whose content is not an accepted type (415), named by its 1-based position among
    /// the files; its client-chosen name appears only sanitised and truncated.
    public static func unsupportedFile(position: Int, filename: String?) -> IntakeError {
        var message = "file \(position)"
        if let filename { message += " (\"\(sanitisedFilename(filename))\")" }
        message += " is not a PDF, JPEG or PNG document"
        return IntakeError(.unsupportedMediaType, "unsupportedFileType", message)
    }

    /// The client chose the name: keep a short, harmless rendering of it for the message only.
    static func sanitisedFilename(_ filename: String) -> String {
        let kept = filename.unicodeScalars.prefix(64).map { scalar -> Character in
            let safe = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " ._-()".unicodeScalars.contains(scalar)
            return safe ? Character(scalar) : "_"
        }
        return String(kept) + (filename.unicodeScalars.count > 64 ? "…" : "")
    }
}
