import struct Foundation.Data
import class Foundation.JSONSerialization
import class Foundation.NSNull

/// What a valid submission asks for, dialect-neutral.
enum SubmissionContent: Equatable {
    /// A request for help in these categories (codes of the OCMW's code table, in the order sent).
    case helpRequest(categories: [String])
    /// A certificate request of this type (e.g. `ATT-LL`).
    case certificateRequest(typeCode: String)
}

/// A body the installation refuses for good: 400 (not a JSON object) or 422 (fails validation).
struct SubmissionRefusal: Error, Equatable {
    let status: Int
    let message: String
}

/// Parses and validates submission bodies (docs/newsocial-api.md, "Submissions").
enum SubmissionForm {
    /// Document types an installation accepts.
    static let mediaTypes: Set<String> = ["application/pdf", "image/jpeg", "image/png"]

    /// The body as a JSON object; `nil` when it is not one.
    static func object(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The object re-encoded with sorted keys and no spaces, so that key order and whitespace do
    /// not make two bodies differ.
    static func canonical(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// Validates a body of a route in a dialect (names from `SubmissionFields`).
    /// - Throws: `SubmissionRefusal` with status 422 naming the first field in error.
    static func validate(
        _ object: [String: Any], kind: SubmissionRoute.Kind,
        fields f: SubmissionFields
    ) throws(SubmissionRefusal) -> SubmissionContent {
        switch kind {
        case .certificateRequest:
            let type = try text(object, f.certificateType, at: "")
            guard Names.certificateTypes.contains(where: { $0.0 == type }) else { throw refuse("unknown certificate type \(type)") }
            return .certificateRequest(typeCode: type)
        case .helpRequest:
            guard let applicant = object[f.applicant] as? [String: Any] else { throw refuse("missing field \(f.applicant)") }
            let at = f.applicant + "."
            for name in [f.lastName, f.firstName, f.email, f.phone] { _ = try text(applicant, name, at: at) }
            try address(applicant[f.domicile], at: at + f.domicile, fields: f)
            if let residence = applicant[f.residence], !(residence is NSNull) {
                try address(residence, at: at + f.residence, fields: f)
            }
            guard object[f.text] is String else { throw refuse("missing field \(f.text)") }
            guard let codes = object[f.categories] as? [Any], !codes.isEmpty else { throw refuse("missing field \(f.categories)") }
            var categories: [String] = []
            for code in codes {
                guard let code = code as? String, Names.submittableCategories.contains(code) else {
                    throw refuse("unknown category \(code)")
                }
                if !categories.contains(code) { categories.append(code) }
            }
            try documents(object[f.documents], fields: f)
            return .helpRequest(categories: categories)
        }
    }

    private static func refuse(_ message: String) -> SubmissionRefusal { SubmissionRefusal(status: 422, message: message) }

    /// A required, non-blank string member.
    private static func text(_ object: [String: Any], _ name: String, at path: String) throws(SubmissionRefusal) -> String {
        guard let value = object[name] as? String, !value.allSatisfy(\.isWhitespace) else {
            throw refuse("missing field \(path)\(name)")
        }
        return value
    }

    private static func address(_ value: Any?, at path: String, fields f: SubmissionFields) throws(SubmissionRefusal) {
        guard let address = value as? [String: Any] else { throw refuse("missing field \(path)") }
        for name in [f.street, f.postalCode, f.municipality] { _ = try text(address, name, at: path + ".") }
    }

    /// Optional list; each document needs an accepted media type and content matching its SHA-256.
    private static func documents(_ value: Any?, fields f: SubmissionFields) throws(SubmissionRefusal) {
        guard let value, !(value is NSNull) else { return }
        guard let documents = value as? [Any] else { throw refuse("invalid field \(f.documents)") }
        for (index, document) in documents.enumerated() {
            let at = "\(f.documents)[\(index)]."
            guard let document = document as? [String: Any] else { throw refuse("invalid field \(f.documents)[\(index)]") }
            let mediaType = try text(document, f.mediaType, at: at)
            guard mediaTypes.contains(mediaType) else { throw refuse("unsupported media type \(mediaType) in \(at)\(f.mediaType)") }
            let declared = try text(document, f.sha256, at: at)
            let encoded = try text(document, f.content, at: at)
            guard let content = Data(base64Encoded: encoded) else { throw refuse("invalid base64 in \(at)\(f.content)") }
            guard SHA256Digest.hex(of: Array(content)) == declared.lowercased() else {
                throw refuse("sha256 does not match content in \(at)\(f.sha256)")
            }
        }
    }
}
