import Foundation
import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Dataset")
struct DatasetTests {
    let tenants = [Fixture.gent, Fixture.bonheiden, Fixture.leuven]

    @Test("the same seed gives the same bytes, another seed other bytes")
    func determinism() throws {
        let first = try Dataset.generate(seed: 42, tenants: tenants, citizens: 200).jsonData()
        let second = try Dataset.generate(seed: 42, tenants: tenants, citizens: 200).jsonData()
        let other = try Dataset.generate(seed: 43, tenants: tenants, citizens: 200).jsonData()
        #expect(first == second)
        #expect(first != other)
    }

    @Test("a dataset survives a JSON round trip unchanged")
    func roundTrip() throws {
        let dataset = Dataset.generate(seed: 9, tenants: tenants, citizens: 50)
        let decoded = try Dataset(jsonData: dataset.jsonData())
        #expect(decoded == dataset)
        #expect(try decoded.jsonData() == dataset.jsonData())
    }

    @Test("a dataset file can be written and read back")
    func fileRoundTrip() throws {
        let dataset = Dataset.generate(seed: 3, tenants: tenants, citizens: 5)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try dataset.jsonData().write(to: url)
        #expect(try Dataset(contentsOf: url) == dataset)
    }

    @Test("the wireframe citizen is present with the wireframe's exact cents")
    func wireframeCitizen() throws {
        let dataset = Dataset.generate(seed: 1, tenants: tenants, citizens: 10)
        let citizen = try #require(dataset.citizen(insz: DemoCitizens.wireframeINSZ))
        #expect(citizen.firstName == "Jacqueline" && citizen.lastName == "Vandenbrande")
        #expect(citizen.records.map(\.tenant) == [Fixture.gent])
        let record = try #require(citizen.record(at: Fixture.gent))
        #expect(record.reference == "568974")
        #expect(record.dossiers == [DossierPeriod(capacity: "LL", since: .literal(2022, 8, 1))])
        let open = record.debts.filter { $0.outstandingCents > 0 }
        #expect(open.reduce(0) { $0 + $1.originalCents } == 297_196)
        #expect(open.reduce(0) { $0 + $1.outstandingCents } == 272_196)
        #expect(record.debts.count == 7)
        #expect(record.debts.filter { $0.outstandingCents == 0 }.map(\.originalCents) == [6_200])
        #expect(record.payments.map(\.amountCents) == [45_000, 2_500, 13_025, 5_543, 33_956, 15_845, 58_986])
    }

    @Test("the two-OCMW citizen has records at gent and bonheiden, the unknown citizen none")
    func otherDemoCitizens() throws {
        let dataset = Dataset.generate(seed: 1, tenants: tenants, citizens: 10)
        let twoOCMW = try #require(dataset.citizen(insz: DemoCitizens.twoOCMWINSZ))
        #expect(Set(twoOCMW.records.map(\.tenant)) == [Fixture.gent, Fixture.bonheiden])
        for record in twoOCMW.records {
            #expect(record.debts.contains { $0.outstandingCents > 0 })
        }
        #expect(twoOCMW.records.flatMap(\.debts).filter { $0.outstandingCents == 0 }.count >= 1)
        #expect(dataset.citizen(insz: DemoCitizens.unknownINSZ) == nil)
    }

    @Test("demo INSZs are valid national numbers")
    func demoINSZsAreValid() throws {
        for digits in [DemoCitizens.wireframeINSZ, DemoCitizens.twoOCMWINSZ, DemoCitizens.unknownINSZ] {
            #expect(throws: Never.self) { try INSZ(parsing: digits, currentYear: 2026) }
        }
    }

    @Test("generated people have unique valid INSZs and records only at configured tenants")
    func generatedPeople() throws {
        let dataset = Dataset.generate(seed: 5, tenants: tenants, citizens: 1_000)
        let generated = dataset.citizens.dropFirst(DemoCitizens.all.count)
        #expect(generated.count == 1_000)
        #expect(Set(dataset.citizens.map(\.insz)).count == dataset.citizens.count)
        for citizen in generated {
            let insz = try INSZ(parsing: citizen.insz, currentYear: 2026)
            #expect(insz.digits == citizen.insz && !insz.isBIS)
            #expect((1...2).contains(citizen.records.count))
            #expect(citizen.records.allSatisfy { tenants.contains($0.tenant) })
            #expect(Set(citizen.records.map(\.tenant)).count == citizen.records.count)
            for debt in citizen.records.flatMap(\.debts) {
                #expect((0...debt.originalCents).contains(debt.outstandingCents))
            }
        }
        let twoOCMWShare = Double(generated.filter { $0.records.count == 2 }.count) / Double(generated.count)
        #expect((0.10...0.20).contains(twoOCMWShare))
        let debts = generated.flatMap { $0.records.flatMap(\.debts) }
        #expect(debts.contains { $0.outstandingCents == 0 } && debts.contains { $0.outstandingCents > 0 })
        #expect(generated.contains { !$0.records.flatMap(\.payments).isEmpty })
    }

    @Test("payments lie in the six months up to the last month")
    func paymentMonths() {
        let dataset = Dataset.generate(seed: 11, tenants: tenants, citizens: 100, lastMonth: .literal(2024, 3))
        let months = Set(
            dataset.citizens.dropFirst(DemoCitizens.all.count).flatMap { $0.records.flatMap(\.payments) }
                .map(\.periodStart.calendarMonth))
        #expect(months.min() == CalendarMonth.literal(2023, 10))
        #expect(months.max() == CalendarMonth.literal(2024, 3))
    }

    @Test("No generated period ends before it starts, over many citizens and seeds")
    func periodsAreOrdered() {
        let tenants = ["gent", "bonheiden", "leuven"].compactMap(TenantID.init)
        for seed: UInt64 in [1, 7, 42, 43] {
            let dataset = Dataset.generate(seed: seed, tenants: tenants, citizens: 2_000)
            let reversed = dataset.citizens.flatMap(\.records).flatMap(\.dossiers).filter { period in
                period.until.map { $0 < period.since } ?? false
            }
            #expect(reversed.isEmpty, "seed \(seed): \(reversed.count) periods end before they start")
        }
    }
}
