import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("v1 amounts in Belgian notation")
struct BelgianAmountTests {
    static func originalCents(_ text: String) throws(NormalisationError) -> Int? {
        let body = WireBodies.debts(.v1, ["oorspronkelijkBedrag": WireBodies.text(text), "openstaandSaldo": WireBodies.text("0")])
        let insz: INSZ
        do { insz = try Wireframe.insz() } catch { return nil }
        return try NewSocialDecoder.decodeDebts(body, dialect: .v1, insz: insz).items.first?.originalCents
    }

    @Test(
        "Valid Belgian amounts are read exactly to the cent",
        arguments: [
            ("2.721,96", 272_196), ("300", 30_000), ("71,96", 7_196), ("1.000,00", 100_000), ("1000,00", 100_000),
            ("0", 0), ("0,05", 5), ("0,5", 50), ("12,5", 1_250), ("1.234.567,89", 123_456_789),
            ("158,45", 15_845), ("589,86", 58_986), ("-0", 0), ("10.000.000.000,00", 1_000_000_000_000),
        ])
    func validAmounts(_ text: String, cents: Int) throws {
        #expect(try Self.originalCents(text) == cents)
    }

    @Test(
        "Malformed, negative or absurd amounts are rejected with a reason",
        arguments: [
            ("2.721,9x", "invalidAmount"),
            ("1.00", "invalidAmount"),  // English decimals, would be misread as 100 EUR
            ("1,000.00", "invalidAmount"),  // English notation
            ("12,345", "invalidAmount"),  // sub-cent precision
            ("1..000", "invalidAmount"),
            ("1.0000", "invalidAmount"),
            ("300,", "invalidAmount"),
            (",50", "invalidAmount"),
            (" 300", "invalidAmount"),
            ("€ 300", "invalidAmount"),
            ("+300", "invalidAmount"),
            ("3 00", "invalidAmount"),
            ("-", "invalidAmount"),
            ("٣٠٠", "invalidAmount"),  // non-ASCII digits
            ("-300", "negativeAmount"),
            ("-0,01", "negativeAmount"),
            ("-1.000,00", "negativeAmount"),
            ("10.000.000.000,01", "amountOutOfRange"),
            ("123456789012345678901234567890", "amountOutOfRange"),
            ("", "missingValue"),
        ])
    func invalidAmounts(_ text: String, reason: String) {
        let error = #expect(throws: NormalisationError.self) { try Self.originalCents(text) }
        #expect(error?.reason == reason)
        #expect(error?.field == "schulden[0].oorspronkelijkBedrag")
    }

    @Test("Any amount written in Belgian notation reads back to the same cents")
    func formattedAmountsRoundTrip() throws {
        var samples = Array(0...1_234) + [99_999, 100_000, 100_001, 123_456_789, 99_999_999_999, 1_000_000_000_000]
        var value = 1
        while value < 1_000_000_000_000 {
            samples.append(value)
            samples.append(value - 1)
            value *= 7
        }
        for cents in samples {
            for written in Self.belgianForms(of: cents) {
                #expect(try Self.originalCents(written) == cents, "\(written)")
            }
        }
    }

    /// The forms New Social may use for an amount: grouped or not, with or without cents.
    static func belgianForms(of cents: Int) -> [String] {
        let euros = String(cents / 100)
        let fraction = cents % 100
        var grouped = ""
        for (offset, digit) in euros.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.insert(".", at: grouped.startIndex) }
            grouped.insert(digit, at: grouped.startIndex)
        }
        let twoDigits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        var forms = ["\(grouped),\(twoDigits)", "\(euros),\(twoDigits)"]
        if fraction == 0 { forms += [grouped, euros] }
        return forms
    }
}
