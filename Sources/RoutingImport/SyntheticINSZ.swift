import OCMWCore

/// Distinct valid national numbers for generated citizens.
enum SyntheticINSZ {
    /// Birth days 1940-01-01 … 2009-12-31, as days since 1970-01-01.
    private static let firstBirthDay = -10_958
    private static let birthDays = 25_568

    /// Steps through the birth days so consecutive citizens are spread over all of them;
    /// coprime with `birthDays` (2⁵·17·47), so each day comes once per round.
    private static let dayStride = 7_919

    /// The `index`-th synthetic citizen's INSZ: distinct for every index below ~25 million
    /// (birth day × sequence number 1…997), with valid check digits for its century.
    /// - Parameter bis: Writes it as a BIS number (month + 40).
    static func make(index: Int, bis: Bool) -> INSZ {
        let dayIndex = index % birthDays * dayStride % birthDays
        let sequence = 1 + (index / birthDays) % 997
        guard let birth = DayDate(daysSinceEpoch: firstBirthDay + dayIndex) else {
            preconditionFailure("birth day out of range")
        }
        let month = birth.month + (bis ? 40 : 0)
        let firstNine = (birth.year % 100) * 10_000_000 + month * 100_000 + birth.day * 1_000 + sequence
        // People born in or after 2000 get a 2 before the first nine digits for the check.
        let checked = birth.year >= 2000 ? 2_000_000_000 + firstNine : firstNine
        let digits = String(firstNine * 100 + 97 - checked % 97)
        let text = String(repeating: "0", count: 11 - digits.count) + digits
        // Any current year from 2010 on reads these births the same way.
        guard let insz = try? INSZ(parsing: text, currentYear: 2010) else {
            preconditionFailure("synthetic INSZ failed its own check")
        }
        return insz
    }
}

/// SplitMix64: a tiny seedable generator whose algorithm is fixed here for good, unlike the
/// standard library's, so the same seed gives the same file everywhere.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range`, by plain modulo (the bias does not matter for synthetic data).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % (UInt64(range.upperBound - range.lowerBound) + 1))
    }

    /// A value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}
