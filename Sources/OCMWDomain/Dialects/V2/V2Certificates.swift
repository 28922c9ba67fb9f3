import OCMWCore

import struct Foundation.Data

/// v2 `GET /api/v2/citizens/{insz}/certificates` (v1 has no certificates).
enum V2Certificates {
    struct Body: CitizenResponse {
        let insz: String
        let certificates: [Item]

        var citizen: (insz: String, field: String) { (insz, "insz") }
        var records: (items: [Item], field: String) { (certificates, "certificates") }
    }

    struct Item: Decodable, CitizenRecord {
        let insz: String?
        let id: String?
        let typeCode: String?
        let typeLabel: String?
        let status: String?
        let requestedDate: String?
        let issuedDate: String?

        var reportedINSZ: String? { insz }
    }

    private static let statuses = StatusCodes.byName(CertificateStatus.self)

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [Certificate] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> Certificate {
        Certificate(
            id: try RecordRules.requiredText(item.id, field: "\(field).id"),
            type: CodeLabel(
                code: try RecordRules.requiredText(item.typeCode, field: "\(field).typeCode"),
                label: try RecordRules.requiredText(item.typeLabel, field: "\(field).typeLabel")),
            status: try StatusCodes.read(item.status, table: statuses, field: "\(field).status"),
            requestedDate: try ISONotation.date(item.requestedDate, field: "\(field).requestedDate"),
            issuedDate: try ISONotation.optionalDate(item.issuedDate, field: "\(field).issuedDate"))
    }

    /// The body of `…/certificates/{id}/document`: checked to be a PDF, passed on unchanged.
    static func document(_ bytes: [UInt8]) throws(NormalisationError) -> [UInt8] {
        // Every PDF starts with this header (ISO 32000-1, 7.5.2); an HTML error page or JSON
        // body answered with 200 does not.
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw NormalisationError(.notPDF) }
        return bytes
    }
}
