import AuditTrail
import Foundation
import OCMWCore
import SQLiteStores
import Testing

@Suite("Audit export")
struct ExportTests {
    typealias F = AuditFixtures

    /// 300 records of 300 citizens, some with awkward strings.
    static let records: [AuditRecord] = (0..<300).map { index in
        AuditRecord(
            time: F.base.addingTimeInterval(Double(index) + 0.25), clientID: index % 7 == 0 ? "=cmd|x, \"y\"" : "mbp",
            citizen: index % 11 == 0 ? nil : F.pseudonymizer.pseudonym(for: F.citizen(index)),
            tenants: [F.gent], parts: index % 2 == 0 ? ["payments"] : [], action: .download,
            outcome: AuditOutcome.allCases[index % 5], httpStatus: 200 + index % 3, requestID: "req-\(index)")
    }

    @Test("JSON Lines: one object per record, every field back, no INSZ anywhere")
    func jsonLines() async throws {
        let text = try await export(.jsonLines)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.records.count)
        for (line, record) in zip(lines, Self.records) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["request_id"] as? String == record.requestID)
            #expect(object["client_id"] as? String == record.clientID)
            #expect(object["citizen"] as? String == record.citizen?.hex)
            #expect(object["outcome"] as? String == record.outcome.rawValue)
            #expect(object["http_status"] as? Int == record.httpStatus)
            #expect(object["tenants"] as? [String] == record.tenants.map(\.rawValue))
            #expect(object["parts"] as? [String] == record.parts)
            #expect(object["time"] as? String == Self.timestamp(record.time))
        }
        #expect(Self.inszNumbers(in: text).isEmpty)
    }

    @Test("CSV: header, one row per record, fields back after unquoting, no INSZ anywhere")
    func csv() async throws {
        let text = try await export(.csv)
        let rows = Self.parseCSV(text)
        #expect(rows.first == ["time", "client_id", "citizen", "action", "outcome", "http_status", "tenants", "parts", "request_id"])
        #expect(rows.count == Self.records.count + 1)
        for (row, record) in zip(rows.dropFirst(), Self.records) {
            #expect(row.count == 9)
            #expect(row[0] == Self.timestamp(record.time))
            // A leading "=" is defused for spreadsheets.
            #expect(row[1] == (record.clientID.hasPrefix("=") ? "'" + record.clientID : record.clientID))
            #expect(row[2] == (record.citizen?.hex ?? ""))
            #expect(row[4] == record.outcome.rawValue)
            #expect(row[7] == record.parts.joined(separator: ";"))
            #expect(row[8] == record.requestID)
        }
        #expect(Self.inszNumbers(in: text).isEmpty)
    }

    @Test("The INSZ scan used above does find a number that leaked")
    func scannerFindsLeaks() {
        let leaked = "{\"citizen\":\"\(F.citizen(5).digits)\"}"
        #expect(Self.inszNumbers(in: leaked) == [F.citizen(5).digits])
    }

    @Test("Exporting records to a file creates it with mode 0600")
    func privateFile() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("export.csv")
        try AuditExport.write(records: Self.records.prefix(3), format: .csv, to: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count == 4)
    }

    @Test(
        "Timestamps are UTC with microseconds, also before 1970",
        arguments: [
            (0.0, "1970-01-01T00:00:00.000000Z"),
            (-0.5, "1969-12-31T23:59:59.500000Z"),
            (1_794_744_000.123456, "2026-11-15T12:00:00.123456Z"),
        ])
    func timestamps(seconds: Double, expected: String) throws {
        let record = AuditRecord(
            time: Date(timeIntervalSince1970: seconds), clientID: "c", citizen: nil, tenants: [],
            parts: [], action: .read, outcome: .ok, httpStatus: 200, requestID: "r")
        let handle = try Self.pipeWrite { try AuditExport.write(records: [record], format: .csv, to: $0) }
        #expect(Self.parseCSV(handle)[1][0] == expected)
    }

    // MARK: - Helpers

    private func export(_ format: AuditExportFormat) async throws -> String {
        let store = try SQLiteAuditStore.inMemory()
        try await store.append(contentsOf: Self.records)
        let period = try #require(AuditPeriod(start: F.base, end: F.base.addingTimeInterval(3600)))
        return try await Self.pipeWriteAsync { handle in
            let written = try await AuditExport.write(from: store, period: period, format: format, to: handle, batchSize: 64)
            #expect(written == Self.records.count)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let fraction = Int((date.timeIntervalSince1970 * 1_000_000).rounded()) % 1_000_000
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: String(format: ".%06dZ", fraction))
    }

    /// Every run of exactly 11 digits (alone or with the usual separators) that is a valid INSZ.
    static func inszNumbers(in text: String) -> [String] {
        let pattern = /[0-9]{2}[.]?[0-9]{2}[.]?[0-9]{2}[-. ]?[0-9]{3}[.]?[0-9]{2}/
        return text.matches(of: pattern).filter { match in
            // Not part of a longer number.
            let before = match.range.lowerBound == text.startIndex ? nil : text[text.index(before: match.range.lowerBound)]
            let after = match.range.upperBound == text.endIndex ? nil : text[match.range.upperBound]
            return !(before?.isASCIIDigit ?? false) && !(after?.isASCIIDigit ?? false)
        }
        .map { String($0.output) }
        .filter { (try? INSZ(parsing: $0, currentYear: 2026)) != nil }
    }

    /// Minimal RFC 4180 reader for the tests.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                row.append(field)
                                field = ""
                            } else if next == "\n" {
                                row.append(field)
                                rows.append(row)
                                row = []
                                field = ""
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }

    /// Runs `body` on the write end of a file and returns what it wrote.
    static func pipeWrite(_ body: (FileHandle) throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try AuditExport.createPrivateFile(at: url)
        try body(handle)
        try handle.close()
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func pipeWriteAsync(_ body: (FileHandle) async throws -> Void) async throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try AuditExport.createPrivateFile(at: url)
        try await body(handle)
        try handle.close()
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
