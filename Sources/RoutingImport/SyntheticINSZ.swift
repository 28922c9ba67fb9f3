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
