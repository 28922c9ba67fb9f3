import Foundation
import PrivateFiles

/// Writes audit records to a file, for a DPO, an OCMW or an inspector.
///
/// Exports hold pseudonyms, never INSZ numbers; they are still personal data, so files are
/// created readable by their owner only.
public enum AuditExport {
    /// Writes `records` in `format` to `handle`, header first for CSV.
    /// - Throws: when a record cannot be encoded or the handle cannot be written.
    public static func write(
        records: some Sequence<AuditRecord>, format: AuditExportFormat, to handle: FileHandle
    ) throws {
        let encoder = AuditLineEncoder(format: format)
        var buffer = Data()
        if let header = encoder.header { buffer.append(contentsOf: Array((header + "\n").utf8)) }
        for record in records {
            buffer.append(contentsOf: Array((try encoder.line(record) + "\n").utf8))
            if buffer.count >= 1 << 16 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// Writes `records` in `format` to a new file at `url` (replacing one there), mode 0600.
    /// - Throws: when the file cannot be created or written.
    public static func write(records: some Sequence<AuditRecord>, format: AuditExportFormat, to url: URL) throws {
        let handle = try createPrivateFile(at: url)
        defer { try? handle.close() }
        try write(records: records, format: format, to: handle)
    }

    /// Writes the records of `period` from `store`, batch by batch, so that a period of any size
    /// is exported in bounded memory.
    /// - Returns: The number of records written.
    /// - Throws: when the store cannot be read or the handle cannot be written.
    @discardableResult
    public static func write(
        from store: any AuditStore, period: AuditPeriod, format: AuditExportFormat, to handle: FileHandle,
        batchSize: Int = 5_000
    ) async throws -> Int {
        let encoder = AuditLineEncoder(format: format)
        if let header = encoder.header { try handle.write(contentsOf: Data((header + "\n").utf8)) }
        var written = 0
        try await store.forEachBatch(from: period.start, to: period.end, batchSize: batchSize) { batch in
            var buffer = Data()
            for record in batch { buffer.append(contentsOf: Array((try encoder.line(record) + "\n").utf8)) }
            try handle.write(contentsOf: buffer)
            written += batch.count
        }
        return written
    }

    /// Creates (or truncates) the file at `url` with mode 0600 and opens it for writing.
    /// - Throws: `CocoaError` (`.fileWriteNoPermission`, `.fileNoSuchFile`, `.fileWriteUnknown`)
    ///   when it cannot be created.
    public static func createPrivateFile(at url: URL) throws -> FileHandle {
        do {
            return try PrivateFile.create(atPath: url.path, exclusive: false)
        } catch {
            let code: CocoaError.Code =
                switch error {
                case .cannotOpen(errno: EACCES), .cannotOpen(errno: EPERM): .fileWriteNoPermission
                case .cannotOpen(errno: ENOENT): .fileNoSuchFile
                default: .fileWriteUnknown
                }
            throw CocoaError(code, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
