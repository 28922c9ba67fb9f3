import BackendAccess
import CitizenDispatch
import Foundation
import OCMWCore
import OCMWDomain
import Testing

@testable import NewSocialSimulator

/// `AnswerJSONWriter` must write exactly the bytes `JSONEncoder` (`.sortedKeys,
/// .withoutEscapingSlashes`) writes, for every answer the citizen routes give: the demo citizens
/// and generated ones, both dialects, every part, and the parts that failed.
@Suite struct AnswerJSONWriterTests {
    static let dataset = Dataset.generate(
        seed: 20_261_125, tenants: [TenantID("gent")!, TenantID("bonheiden")!],
        citizens: 300)
    static let today = DayDate(iso8601: "2025-11-15")!
    static let months = MonthRange(from: CalendarMonth(iso8601: "2025-05")!, to: CalendarMonth(iso8601: "2025-10")!)!
    /// The month of `today` and the next two: every other citizen is read with them (and with
    /// `include=ended`), so the planned payments, `upcoming` and `ended` are written too.
    static let upcoming = MonthRange(from: CalendarMonth(iso8601: "2025-11")!, to: CalendarMonth(iso8601: "2026-01")!)!

    /// A tenant whose name needs escaping, so `ocmw.name` is tested too.
    static func tenant(_ id: String, _ name: String, _ dialect: Dialect) -> Tenant {
        Tenant(
            id: TenantID(id)!, kbo: KBONumber("0212.214.125")!, name: name, postalCodes: ["9000"],
            backend: Backend(baseURL: "http://127.0.0.1:9", dialect: dialect, credentials: .environment(name: "KEY")),
            limits: .builtIn, categoriesOfHelp: [], certificateTypes: [], state: .active)
    }

    /// The fetched parts of one citizen at `tenants`, as the dispatcher would report them, with some
    /// outcomes replaced by failures (chosen by `variant`) so every status and reason is written.
    static func results(_ digits: String, tenants: [Tenant], variant: Int, includePaid: Bool) throws -> [CitizenDispatcher.PartResult] {
        let insz = try INSZ(parsing: digits, currentYear: 2026)
        let now = variant.isMultiple(of: 2)
        let options = PartOptions(
            includePaid: includePaid, months: months, upcoming: now ? upcoming : nil, today: today, includeEnded: now)
        var results: [CitizenDispatcher.PartResult] = []
        for (index, tenant) in tenants.enumerated() {
            let responder = Responder(tenant: tenant.id, dialect: tenant.backend.dialect, dataset: dataset)
            for (number, part) in DossierPart.allCases.enumerated() {
                let outcome: PartOutcome<PartValue>
                if let path = NewSocialPaths.path(
                    for: part, insz: insz, dialect: tenant.backend.dialect, months: options.fetchedMonths)
                {
                    let wire = responder.respond(method: "GET", uri: path, currentYear: 2026, today: today)
                    switch wire.status {
                    case 200:
                        do {
                            outcome = .ok(try PartValue.decode(part, body: wire.body, tenant: tenant, insz: insz, options: options))
                        } catch { outcome = .failed(.error, reason: "normalisation: \(error)") }
                    case 404: outcome = .noDossier
                    default: outcome = .failed(.error, reason: "HTTP \(wire.status)")
                    }
                } else {
                    outcome = .failed(.notSupported, reason: "not offered by \(tenant.backend.dialect)")
                }
                results.append(.init(tenantIndex: index, part: part, outcome: failing(outcome, variant + number)))
            }
        }
        return results
    }

    static func failing(_ outcome: PartOutcome<PartValue>, _ choice: Int) -> PartOutcome<PartValue> {
        switch choice % 11 {
        case 3: .failed(.unavailable, reason: "HTTP 503 \"Service Unavailable\"\n/ retry later")
        case 5: .failed(.timeout, reason: "no answer within 2000 ms")
        case 7: .failed(.circuitOpen, reason: "circuit open — té veel fouten ✓")
        default: outcome
        }
    }

    static func expectSameBytes(_ answer: DossierAnswer) throws {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        let expected = try AnswerEncoding.bytes(answer)
        #expect(
            writer.bytes.elementsEqual(expected),
            "\(String(decoding: writer.bytes, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
    }

    static func expectSameBytes(_ answer: PartAnswer) throws {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        let expected = try AnswerEncoding.bytes(answer)
        #expect(
            writer.bytes.elementsEqual(expected),
            "\(String(decoding: writer.bytes, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
    }

    @Test(arguments: [Dialect.v1, .v2])
    func everyAnswerOfTheDatasetHasTheEncodersBytes(dialect: Dialect) throws {
        let other: Dialect = dialect == .v1 ? .v2 : .v1
        let tenants = [
            Self.tenant("gent", "OCMW Gent \"Zuid\" / Sint-Amandsberg", dialect),
            Self.tenant("bonheiden", "OCMW Bonheiden–Rijmenam, België", other),
        ]
        let unreachable = Self.tenant("aalst", "OCMW Aalst\t\u{1}", dialect)
        var okParts: [DossierPart: Int] = [:]
        for (number, citizen) in Self.dataset.citizens.enumerated() {
            let results = try Self.results(citizen.insz, tenants: tenants, variant: number, includePaid: number.isMultiple(of: 2))
            for case let result in results { if case .ok = result.outcome { okParts[result.part, default: 0] += 1 } }
            let gaps: [(tenant: Tenant, status: PartStatus, reason: String)] =
                number.isMultiple(of: 5) ? [(unreachable, .unavailable, "probe failed: \\ \"x\"")] : []
            let location = CitizenLocator.Location(tenants: tenants, unreachable: gaps)
            try Self.expectSameBytes(
                AnswerAssembly.dossierAnswer(
                    DossierPart.allCases, tenants: tenants,
                    results: results, location: location))
            for part in DossierPart.allCases {
                try Self.expectSameBytes(
                    AnswerAssembly.partAnswer(
                        part, tenants: tenants,
                        results: results.filter { $0.part == part },
                        location: location))
            }
        }
        // Every part was written with data at least once, not only its failures.
        for part in DossierPart.allCases { #expect(okParts[part, default: 0] > 0, "\(part)") }
        #expect(Self.dataset.citizens.count > 300)
    }

    @Test func anUnknownCitizenAndNoOCMWs() throws {
        try Self.expectSameBytes(DossierAnswer(ocmws: []))
        try Self.expectSameBytes(PartAnswer(ocmws: []))
    }
}
