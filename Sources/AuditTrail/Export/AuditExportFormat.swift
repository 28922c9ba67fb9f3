import Foundation

/// The file formats of an audit export.
public enum AuditExportFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per line (`application/jsonl`), keys in snake case, sorted.
    case jsonLines = "jsonl"
    /// RFC 4180 CSV with a header line; lists joined with `;`.
    case csv
}

/// Turns records into lines of one format.
struct AuditLineEncoder {
    static let csvHeader = "time,client_id,citizen,action,outcome,http_status,tenants,parts,request_id"

    let format: AuditExportFormat
    private let json: JSONEncoder

    init(format: AuditExportFormat) {
        self.format = format
        json = JSONEncoder()
        json.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// The line written before any record, if the format has one.
    var header: String? { format == .csv ? Self.csvHeader : nil }

    /// One record as one line, without its line end.
    func line(_ record: AuditRecord) throws -> String {
        switch format {
        case .jsonLines:
            return String(decoding: try json.encode(ExportedRecord(record)), as: UTF8.self)
        case .csv:
            return [
                AuditTimestamp.text(record.time), record.clientID, record.citizen?.hex ?? "",
                record.action.rawValue, record.outcome.rawValue, String(record.httpStatus),
                record.tenants.map(\.rawValue).joined(separator: ";"), record.parts.joined(separator: ";"),
                record.requestID,
            ].map(Self.csvField).joined(separator: ",")
        }
    }

    /// Quotes a field when RFC 4180 needs it, and defuses text a spreadsheet would run as a
    /// formula (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` before it, as OWASP advises).
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@\t\r".contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The JSON Lines form of a record.
private struct ExportedRecord: Encodable {
    let record: AuditRecord
    init(_ record: AuditRecord) { self.record = record }

    enum CodingKeys: String, CodingKey {
        case time, clientID = "client_id", citizen, action, outcome, httpStatus = "http_status"
        case tenants, parts, requestID = "request_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(AuditTimestamp.text(record.time), forKey: .time)
        try container.encode(record.clientID, forKey: .clientID)
        try container.encode(record.citizen, forKey: .citizen)
        try container.encode(record.action, forKey: .action)
        try container.encode(record.outcome, forKey: .outcome)
        try container.encode(record.httpStatus, forKey: .httpStatus)
        try container.encode(record.tenants, forKey: .tenants)
        try container.encode(record.parts, forKey: .parts)
        try container.encode(record.requestID, forKey: .requestID)
    }
}
