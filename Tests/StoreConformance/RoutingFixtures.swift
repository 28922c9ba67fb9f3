import Foundation
import OCMWCore

/// Values shared by the routing index tests and its compatibility suite.
public enum RoutingFixtures {
    public static let gent = TenantID("gent")!
    public static let bonheiden = TenantID("bonheiden")!
    public static let leuven = TenantID("leuven")!

    /// The day the tests take as today.
    public static let today = DayDate(iso8601: "2025-06-15")!

    /// `today` moved by `offset` days.
    public static func day(_ offset: Int) -> DayDate { today.adding(days: offset)! }

    /// The `index`-th of a run of distinct valid INSZ numbers (born July 1985, index < 30 000).
    public static func citizen(_ index: Int) -> INSZ {
        let firstNine = 850_700_000 + (1 + index / 997) * 1_000 + 1 + index % 997
        let check = 97 - firstNine % 97
        return try! INSZ(parsing: "\(firstNine)\(check < 10 ? "0" : "")\(check)", currentYear: 2026)
    }

    /// A registration from `start` to `end` (days from `today`; `nil`: open-ended).
    public static func registration(
        _ citizen: INSZ, _ tenant: TenantID, _ capacity: String = "LL",
        from start: Int, to end: Int?
    ) throws -> RoutingRegistration {
        try RoutingRegistration(insz: citizen, tenant: tenant, capacity: capacity, start: day(start), end: end.map(day))
    }
}
