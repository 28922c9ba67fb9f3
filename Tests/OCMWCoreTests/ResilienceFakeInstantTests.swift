import Testing

/// A clock that moves only when a test says so, shared by the resilience suites.
struct FakeInstant: InstantProtocol, CustomTestStringConvertible {
    var offset: Duration

    static let zero = FakeInstant(offset: .zero)
    /// The instant `milliseconds` after zero.
    static func ms(_ milliseconds: Int) -> FakeInstant { FakeInstant(offset: .milliseconds(milliseconds)) }

    func advanced(by duration: Duration) -> FakeInstant { FakeInstant(offset: offset + duration) }
    func duration(to other: FakeInstant) -> Duration { other.offset - offset }
    static func < (lhs: FakeInstant, rhs: FakeInstant) -> Bool { lhs.offset < rhs.offset }
    var testDescription: String { "t+\(offset)" }
}

@Suite("Resilience test clock")
struct ResilienceFakeInstantTests {
    @Test("The fake clock advances and measures exactly")
    func advancesExactly() {
        let start = FakeInstant.ms(100)
        #expect(start.advanced(by: .milliseconds(50)) == .ms(150))
        #expect(start.duration(to: .ms(40)) == .milliseconds(-60))
        #expect(FakeInstant.ms(1) < .ms(2))
    }
}
