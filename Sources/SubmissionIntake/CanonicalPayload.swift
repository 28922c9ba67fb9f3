import OCMWCore

/// A received document, summarised for the canonical payload.
public struct DocumentDigest: Sendable, Equatable {
    public let type: DocumentType
    public let sizeBytes: Int
    /// Lowercase hex SHA-256 of the content.
    public let sha256: String

    public init(type: DocumentType, sizeBytes: Int, sha256: String) {
        self.type = type
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
    }
}

/// The canonical bytes of a submission, which the outbox stores and fingerprints for idempotency.
///
/// Written by hand rather than with `JSONEncoder` so the bytes cannot change with a Foundation
/// release: an unchanged submission must keep its fingerprint across upgrades. Keys are sorted by
/// their UTF-8 bytes, there is no whitespace, absent optionals are omitted, and strings escape
/// only `"`, `\` and control characters. File names are left out: they do not change the request.
public enum CanonicalPayload {
    /// The canonical bytes of a request for help and its documents (in upload order).
    public static func helpRequest(_ request: ValidatedHelpRequest, citizen: INSZ, documents: [DocumentDigest]) -> [UInt8] {
        let applicant = request.applicant
        var applicantObject: [String: CanonicalJSON] = [
            "lastName": .string(applicant.lastName), "firstName": .string(applicant.firstName),
            "domicile": address(applicant.domicile), "email": .string(applicant.email), "phone": .string(applicant.phone),
        ]
        if let residence = applicant.residence { applicantObject["residence"] = address(residence) }
        let documentList: [CanonicalJSON] = documents.map {
            .object(["type": .string($0.type.rawValue), "size": .integer($0.sizeBytes), "sha256": .string($0.sha256)])
        }
        return CanonicalJSON.object([
            "kind": .string("helpRequest"), "ocmw": .string(request.tenant.rawValue), "citizen": .string(citizen.digits),
            "applicant": .object(applicantObject), "categories": .array(request.categories.map { .string($0) }),
            "text": .string(request.text), "documents": .array(documentList),
        ]).bytes
    }

    /// The canonical bytes of a certificate request.
    public static func certificateRequest(_ request: ValidatedCertificateRequest, citizen: INSZ) -> [UInt8] {
        CanonicalJSON.object([
            "kind": .string("certificateRequest"), "ocmw": .string(request.tenant.rawValue),
            "citizen": .string(citizen.digits), "certificateType": .string(request.certificateType),
        ]).bytes
    }

    private static func address(_ address: PostalAddress) -> CanonicalJSON {
        .object([
            "street": .string(address.street), "postalCode": .string(address.postalCode),
            "municipality": .string(address.municipality),
        ])
    }
}

/// The subset of JSON the canonical payload needs, with one fixed serialisation.
enum CanonicalJSON {
    case string(String)
    case integer(Int)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Byte order, not String's (Unicode-aware) order, so the sort is unambiguous.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]?.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0..<0x20: out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
