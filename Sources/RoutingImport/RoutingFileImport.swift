import OCMWCore

/// Imports a routing file (`insz,tenant,capacity,start,end` lines, see `RoutingCSV`) into a
/// routing index, streaming: the file is read line by line, never whole.
///
/// Every line is validated; a bad line is counted and reported by line number and reason, and
/// the valid lines around it are imported all the same. Lines are written in batches of
/// the store's `importBatchRows`, one transaction each.
public enum RoutingFileImport {
    /// How far an import is; reported every 10 000 lines and at the end.
    public struct Progress: Sendable, Equatable {
        /// Data lines handled so far (imported, rejected or blank).
        public let processed: Int
        /// Data lines in the file (header excluded), counted before the import starts.
        public let total: Int
        public let imported: Int
        public let rejected: Int

        public init(processed: Int, total: Int, imported: Int, rejected: Int) {
            self.processed = processed
            self.total = total
            self.imported = imported
            self.rejected = rejected
        }
    }

    /// A line that was not imported. Holds no field of the line.
    public struct Rejection: Sendable, Equatable, CustomStringConvertible {
        /// The line number in the file, from 1 (the header, when present, is line 1).
        public let line: Int
        public let error: RoutingCSVError

        public init(line: Int, error: RoutingCSVError) {
            self.line = line
            self.error = error
        }

        public var description: String { "line \(line): \(error)" }
    }

    /// The outcome of an import.
    public struct Summary: Sendable, Equatable {
        /// Valid lines written (a line repeating an earlier key replaces it and still counts).
        public let imported: Int
        /// Lines that failed validation.
        public let rejected: Int
        /// Empty lines, skipped silently.
        public let blankLines: Int
        /// The first rejections, in file order.
        public let firstRejections: [Rejection]

        public init(imported: Int, rejected: Int, blankLines: Int, firstRejections: [Rejection]) {
            self.imported = imported
            self.rejected = rejected
            self.blankLines = blankLines
            self.firstRejections = firstRejections
        }
    }

    /// Imports a routing file.
    /// - Parameters:
    ///   - path: The file to read.
    ///   - store: Where the registrations go.
    ///   - knownTenants: The tenant ids of the tenants file; rows for any other tenant are rejected.
    ///   - currentYear: Today's year, for the INSZ check digits.
    ///   - keepRejections: How many rejections to keep for the summary (all are counted).
    ///   - progress: Called every 10 000 lines and once at the end.
    /// - Returns: What was imported and rejected.
    /// - Throws: `RoutingIndexError` when the file cannot be read; the store's error when it
    ///   cannot be written (the batches committed before stay, and a rerun is safe).
    public static func run(
        path: String,
        into store: some RoutingIndexStore,
        knownTenants: Set<TenantID>,
        currentYear: Int,
        keepRejections: Int = 10,
        progress: (Progress) -> Void = { _ in }
    ) async throws -> Summary {
        var total = try FileLineReader.countLines(path: path)
        let reader = try FileLineReader(path: path)
        let batchRows = store.importBatchRows
        let reportEvery = 10_000
        var batch: [RoutingRegistration] = []
        batch.reserveCapacity(batchRows)
        var processed = 0, imported = 0, rejected = 0, blank = 0, sinceReport = 0
        var rejections: [Rejection] = []

        func report() { progress(Progress(processed: processed, total: total, imported: imported, rejected: rejected)) }

        // One batch is written while the next is parsed: parsing and SQLite each take about half
        // the time, and they run on different cores. Never more than one write in flight, so
        // memory stays at two batches.
        try await withThrowingTaskGroup(of: Int.self) { writes in
            var writing = false
            func handOver(_ full: [RoutingRegistration]) async throws {
                if writing, let done = try await writes.next() { imported += done }
                writing = !full.isEmpty
                if writing { writes.addTask { try await store.importRegistrations(full) } }
            }
            while let line = try reader.nextLine() {
                if reader.lineNumber == 1, RoutingCSV.isHeader(line) {
                    total -= 1
                    continue
                }
                processed += 1
                sinceReport += 1
                if line.isEmpty {
                    blank += 1
                } else {
                    do throws(RoutingCSVError) {
                        batch.append(try RoutingCSV.parse(line, currentYear: currentYear, isKnownTenant: knownTenants.contains))
                    } catch {
                        rejected += 1
                        if rejections.count < keepRejections { rejections.append(Rejection(line: reader.lineNumber, error: error)) }
                    }
                }
                if batch.count == batchRows {
                    try await handOver(batch)
                    batch = []
                    batch.reserveCapacity(batchRows)
                }
                if sinceReport == reportEvery {
                    sinceReport = 0
                    report()
                }
            }
            try await handOver(batch)
            try await handOver([])
        }
        // The file may have changed since it was counted; the last report is exact regardless.
        total = processed
        report()
        return Summary(imported: imported, rejected: rejected, blankLines: blank, firstRejections: rejections)
    }
}
