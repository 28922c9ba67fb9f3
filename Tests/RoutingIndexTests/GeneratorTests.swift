import Foundation
import OCMWCore
import RoutingImport
import StoreConformance
import Testing

@Suite("Routing file generator")
struct GeneratorTests {
    typealias F = RoutingFixtures

    static func generator(seed: UInt64) throws -> RoutingFileGenerator {
        try #require(RoutingFileGenerator(tenants: RoutingFileGenerator.profiles(of: F.registry()), seed: seed, today: F.today))
    }

    @Test("The same seed writes the same file; another seed another one")
    func deterministic() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.generator(seed: 1).write(rows: 2_000, to: directory.path("a.csv"))
        try Self.generator(seed: 1).write(rows: 2_000, to: directory.path("b.csv"))
        try Self.generator(seed: 2).write(rows: 2_000, to: directory.path("c.csv"))
        let a = try Data(contentsOf: URL(fileURLWithPath: directory.path("a.csv")))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: directory.path("b.csv")))))
        #expect(a != (try Data(contentsOf: URL(fileURLWithPath: directory.path("c.csv")))))
        let lines = String(decoding: a, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2_001)
        #expect(lines.first.map(String.init) == RoutingCSV.header)
    }

    @Test("Rows have distinct keys, valid INSZ numbers, tenants of the file, and a realistic mix")
    func realisticMix() throws {
        let rows = try Self.generator(seed: 42).registrations(rows: 20_000)
        #expect(rows.count == 20_000)
        let keys = Set(rows.map { "\($0.insz.digits)|\($0.tenant)|\($0.capacity)|\($0.period.start)" })
        #expect(keys.count == 20_000)
        let known = Set(try F.registry().tenants.map(\.id))
        #expect(rows.allSatisfy { known.contains($0.tenant) })
        #expect(rows.allSatisfy { (try? INSZ(parsing: $0.insz.digits, currentYear: 2025)) == $0.insz })
        let citizens = Dictionary(grouping: rows, by: \.insz)
        #expect((15_000..<19_500).contains(citizens.count))
        #expect(citizens.values.contains { Set($0.map(\.tenant)).count > 1 })
        let open = rows.filter { $0.period.end == nil }.count
        let ended = rows.filter { $0.period.end.map { $0 < F.today } ?? false }.count
        #expect((11_000..<15_000).contains(open))
        #expect(ended > 1_000)
        #expect(rows.contains { $0.insz.isBIS })
        #expect(rows.contains { $0.insz.birthYear >= 2000 })
    }
}
