import Foundation
import OCMWCore
import RoutingImport
import SQLiteStores
import StoreConformance
import Testing

@Suite("Importing a routing file")
struct RoutingFileImportTests {
    typealias F = RoutingFixtures

    static func generator() throws -> RoutingFileGenerator {
        try #require(RoutingFileGenerator(tenants: RoutingFileGenerator.profiles(of: F.registry()), seed: 7, today: F.today))
    }

    @Test("50 000 generated rows with four bad lines: the good ones imported, the bad ones reported by line")
    func generatedFileWithBadLines() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registrations = try Self.generator().registrations(rows: 50_000)
        var lines = [RoutingCSV.header] + registrations.map(RoutingCSV.line(for:))
        let secret = registrations[1].insz.digits
        // Inserted in ascending order, so each lands on the line number given.
        lines.insert(Self.breakCheckDigit(lines[2]), at: 2)  // line 3
        lines.insert("85073003328,antwerpen,LL,2024-01-01,", at: 999)  // line 1000
        lines.insert("85073003328,gent,LL,2024-01-01,2023-01-01", at: 19_999)  // line 20000
        lines.append("85073003328,gent,LL")  // line 50005
        let path = directory.path("routing.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let index = try SQLiteRoutingIndex.inMemory()
        var reports: [RoutingFileImport.Progress] = []
        let summary = try await RoutingFileImport.run(
            path: path, into: index, knownTenants: Set(F.registry().tenants.map(\.id)), currentYear: 2025
        ) { reports.append($0) }

        #expect(summary.imported == 50_000)
        #expect(summary.rejected == 4)
        #expect(summary.firstRejections.map(\.line) == [3, 1_000, 20_000, 50_005])
        #expect(
            summary.firstRejections.map(\.error.reason)
                == ["insz.checkDigitMismatch", "unknownTenant", "registration.endBeforeStart", "fieldCount"])
        #expect(summary.firstRejections.allSatisfy { !$0.description.contains(secret.dropLast(2)) })
        #expect(try await index.count() == 50_000)

        #expect(reports.count >= 5)
        #expect(reports.allSatisfy { $0.total == 50_004 })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.processed < $1.processed && $0.imported <= $1.imported })
        #expect(reports.last == RoutingFileImport.Progress(processed: 50_004, total: 50_004, imported: 50_000, rejected: 4))

        // The rows of a citizen covering today are exactly those the generator made covering today.
        let citizen = registrations[0].insz
        let expected = registrations.filter { $0.insz == citizen && $0.period.covers(F.today) }
        #expect(Set(try await index.lookup(insz: citizen, on: F.today)) == Set(expected))
    }

    @Test("No header, CRLF line ends, blank lines and a last line without line break")
    func looseFormatting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("loose.csv")
        let text =
            "85073003328,gent,LL,2024-01-01,\r\n\r\n17073003384,bonheiden,BB,2024-01-01,2030-12-31\n\n"
            + "85.07.30-033.28,bonheiden,LL,2020-01-01,"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let index = InMemoryRoutingIndex()
        let summary = try await RoutingFileImport.run(
            path: path, into: index, knownTenants: [F.gent, F.bonheiden],
            currentYear: 2025)
        #expect(summary == RoutingFileImport.Summary(imported: 3, rejected: 0, blankLines: 2, firstRejections: []))
        let wireframe = try INSZ(parsing: "85073003328", currentYear: 2025)
        #expect(await index.lookup(insz: wireframe, on: F.today).map(\.tenant) == [F.bonheiden, F.gent])
    }

    @Test("All rejections are counted, only the first ones kept")
    func rejectionsAreCapped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bad.csv")
        try Data(String(repeating: "not,a,valid,line,at-all\n", count: 25).utf8).write(to: URL(fileURLWithPath: path))
        let summary = try await RoutingFileImport.run(
            path: path, into: InMemoryRoutingIndex(), knownTenants: [F.gent],
            currentYear: 2025, keepRejections: 10)
        #expect(summary.rejected == 25)
        #expect(summary.firstRejections.map(\.line) == Array(1...10))
    }

    @Test("A missing file is an error, not an empty import")
    func missingFile() async {
        await #expect(throws: RoutingIndexError.self) {
            _ = try await RoutingFileImport.run(
                path: "/nonexistent/routing.csv", into: InMemoryRoutingIndex(),
                knownTenants: [], currentYear: 2025)
        }
    }

    /// The same line with the INSZ's last check digit changed.
    static func breakCheckDigit(_ line: String) -> String {
        let digits = Array(line.utf8)
        let last = digits[10] == UInt8(ascii: "9") ? UInt8(ascii: "0") : digits[10] + 1
        return String(decoding: digits[0..<10] + [last] + digits[11...], as: UTF8.self)
    }
}
