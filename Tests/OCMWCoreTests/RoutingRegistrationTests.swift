import OCMWCore
import Testing

@Suite("Routing registrations and their periods")
struct RoutingRegistrationTests {
    static let insz = try! INSZ(parsing: "85073003328", currentYear: 2026)
    static let gent = TenantID("gent")!

    static func day(_ text: String) -> DayDate { DayDate(iso8601: text)! }

    @Test(
        "Capacity codes: 1 to 16 printable ASCII characters, no space or comma",
        arguments: [
            ("LL", nil), ("AFH", nil), ("ABCDEFGHIJKLMNOP", nil), ("ABCDEFGHIJKLMNOPQ", "capacityTooLong"),
            ("", "capacityEmpty"), ("L L", "capacityInvalidCharacter"), ("L,L", "capacityInvalidCharacter"),
            ("LÉ", "capacityInvalidCharacter"), ("LL\n", "capacityInvalidCharacter"),
        ] as [(String, String?)])
    func capacityValidation(capacity: String, reason: String?) {
        do {
            let registration = try RoutingRegistration(
                insz: Self.insz, tenant: Self.gent, capacity: capacity,
                start: Self.day("2024-01-01"), end: nil)
            #expect(reason == nil)
            #expect(registration.capacity == capacity)
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test("An end before the start is refused; an end on the start day is a one-day period")
    func endBeforeStart() throws {
        #expect(throws: RoutingRegistrationError.self) {
            try RoutingPeriod(start: Self.day("2024-05-02"), end: Self.day("2024-05-01"))
        }
        let oneDay = try RoutingPeriod(start: Self.day("2024-05-02"), end: Self.day("2024-05-02"))
        #expect(oneDay.covers(Self.day("2024-05-02")))
        #expect(!oneDay.covers(Self.day("2024-05-03")))
    }

    @Test(
        "A period covers its first and last day, and nothing outside them",
        arguments: [("2024-12-31", false), ("2025-01-01", true), ("2025-06-15", true), ("2025-12-31", true), ("2026-01-01", false)])
    func closedPeriod(day: String, covered: Bool) throws {
        let period = try RoutingPeriod(start: Self.day("2025-01-01"), end: Self.day("2025-12-31"))
        #expect(period.covers(Self.day(day)) == covered)
    }

    @Test("An open period covers every day from its start on")
    func openPeriod() throws {
        let period = try RoutingPeriod(start: Self.day("2025-01-01"), end: nil)
        #expect(!period.covers(Self.day("2024-12-31")))
        #expect(period.covers(Self.day("2025-01-01")))
        #expect(period.covers(DayDate.latest))
    }

    @Test("Neither description nor mirror shows the INSZ")
    func noINSZInOutput() throws {
        let registration = try RoutingRegistration(
            insz: Self.insz, tenant: Self.gent, capacity: "LL",
            start: Self.day("2024-01-01"), end: nil)
        var dumped = ""
        dump(registration, to: &dumped)
        for text in [String(describing: registration), String(reflecting: registration), dumped] {
            #expect(!text.contains("85073003328"))
            #expect(text.contains("gent"))
        }
    }
}
