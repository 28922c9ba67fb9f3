import Foundation
import OCMWCore

/// Deterministic synthetic routing data, for benchmarks and tests: the same seed, tenants and day
/// give the same rows on every machine.
///
/// Every INSZ is valid and distinct per citizen (up to about 25 million citizens); about one
/// citizen in eight has a second row, at another OCMW or in another capacity. Periods start up
/// to ten years back; most are open, some ended, some end in the future.
public struct RoutingFileGenerator: Sendable {
    /// A tenant and the capacity codes rows for it may carry.
    public struct TenantProfile: Sendable, Equatable {
        public let id: TenantID
        public let capacities: [String]

        /// - Parameter capacities: Codes that fail `RoutingRegistration.validate(capacity:)` are
        ///   dropped; with none left, `LL` is used.
        public init(id: TenantID, capacities: [String]) {
            self.id = id
            let valid = capacities.filter { (try? RoutingRegistration.validate(capacity: $0)) != nil }
            self.capacities = valid.isEmpty ? ["LL"] : valid
        }
    }

    private let tenants: [TenantProfile]
    private let seed: UInt64
    private let today: DayDate

    /// - Parameters:
    ///   - tenants: Must not be empty.
    ///   - seed: Fixes the whole output.
    ///   - today: Periods are placed around this day.
    public init?(tenants: [TenantProfile], seed: UInt64, today: DayDate) {
        guard !tenants.isEmpty else { return nil }
        self.tenants = tenants
        self.seed = seed
        self.today = today
    }

    /// Profiles for the tenants of a registry, capacities from their categories of help.
    public static func profiles(of registry: TenantRegistry) -> [TenantProfile] {
        registry.tenants.map { TenantProfile(id: $0.id, capacities: $0.categoriesOfHelp.filter { $0 != .otherCategoryOfHelp }.map(\.code)) }
    }

    /// The first `rows` registrations.
    public func registrations(rows: Int) -> [RoutingRegistration] {
        var result: [RoutingRegistration] = []
        result.reserveCapacity(max(rows, 0))
        forEach(rows: rows) { result.append($0) }
        return result
    }

    /// Writes `rows` registrations as an import file, header first.
    /// - Throws: `RoutingIndexError` when the file cannot be written.
    public func write(rows: Int, to path: String) throws(RoutingIndexError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw RoutingIndexError(.unwritableFile, detail: "cannot create \(path)")
        }
        defer { try? handle.close() }
        var buffer = Array((RoutingCSV.header + "\n").utf8)
        var failure: (any Error)?
        forEach(rows: rows) { registration in
            guard failure == nil else { return }
            buffer.append(contentsOf: RoutingCSV.line(for: registration).utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                do { try handle.write(contentsOf: buffer) } catch { failure = error }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        do {
            if let failure { throw failure }
            try handle.write(contentsOf: buffer)
        } catch {
            throw RoutingIndexError(.unwritableFile, detail: error.localizedDescription)
        }
    }

    /// Calls `body` with each of the first `rows` registrations, in order.
    private func forEach(rows: Int, _ body: (RoutingRegistration) -> Void) {
        var random = SplitMix64(seed: seed)
        var emitted = 0
        var citizen = 0
        while emitted < rows {
            let insz = SyntheticINSZ.make(index: citizen, bis: random.chance(0.02))
            citizen += 1
            let extra = random.chance(0.12) ? (random.chance(0.25) ? 2 : 1) : 0
            for row in 0...extra where emitted < rows {
                body(registration(insz: insz, row: row, random: &random))
                emitted += 1
            }
        }
    }

    private func registration(insz: INSZ, row: Int, random: inout SplitMix64) -> RoutingRegistration {
        let tenant = random.pick(tenants)
        // Offsets of a citizen's rows differ modulo 3 (row is 0...2), so their keys never collide.
        let startOffset = random.int(in: 0...1_216) * 3 + row
        let start = today.adding(days: -startOffset) ?? today
        let end: DayDate?
        switch random.unit() {
        case ..<0.65: end = nil
        case ..<0.85: end = today.adding(days: random.int(in: 1...730))
        default: end = start.adding(days: random.int(in: 0...max(0, startOffset - 1)))
        }
        // The capacity was validated and end ≥ start by construction: a failure is a bug here.
        guard
            let registration = try? RoutingRegistration(
                insz: insz, tenant: tenant.id, capacity: random.pick(tenant.capacities),
                start: start, end: end)
        else {
            preconditionFailure("generator built an invalid registration")
        }
        return registration
    }
}
