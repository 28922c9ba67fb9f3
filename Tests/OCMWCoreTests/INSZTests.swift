import OCMWCore
import Testing

@Suite("INSZ parsing and validation")
struct INSZTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        enum Outcome: Sendable {
            case valid(birthYear: Int, birthMonth: Int, isBIS: Bool)
            case invalid(reason: String)
        }

        let scenario: String
        let text: String
        let currentYear: Int
        let outcome: Outcome

        var testDescription: String { scenario }
    }

    static let vectors: [Vector] = [
        .init(
            scenario: "born 1985", text: "85073003328", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: false)),
        .init(
            scenario: "born 2017, read with the 2 prefix", text: "17073003384", currentYear: 2026,
            outcome: .valid(birthYear: 2017, birthMonth: 7, isBIS: false)),
        .init(
            scenario: "20xx reading refused when that year is still to come", text: "17073003384", currentYear: 2016,
            outcome: .invalid(reason: "checkDigitMismatch")),
        .init(
            scenario: "check digits only fit a future 2085", text: "85073009097", currentYear: 2026,
            outcome: .invalid(reason: "checkDigitMismatch")),
        .init(
            scenario: "the same number once 2085 is past", text: "85073009097", currentYear: 2090,
            outcome: .valid(birthYear: 2085, birthMonth: 7, isBIS: false)),
        .init(scenario: "month 13", text: "85133000105", currentYear: 2026, outcome: .invalid(reason: "invalidMonth")),
        .init(
            scenario: "month 33, between the BIS ranges", text: "85333003316", currentYear: 2026,
            outcome: .invalid(reason: "invalidMonth")),
        .init(
            scenario: "BIS number, month + 20", text: "85273003371", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: true)),
        .init(
            scenario: "BIS number, month + 40", text: "85473003317", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: true)),
        .init(
            scenario: "BIS number born 2017", text: "17273003330", currentYear: 2026,
            outcome: .valid(birthYear: 2017, birthMonth: 7, isBIS: true)),
        .init(
            scenario: "month 00, birth month unknown", text: "85003003376", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 0, isBIS: false)),
        .init(
            scenario: "day 00, birth day unknown", text: "85070003355", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: false)),
        .init(
            scenario: "31 February, a day past the month's end", text: "85023103360", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 2, isBIS: false)),
        .init(scenario: "day 32", text: "85073203365", currentYear: 2026, outcome: .invalid(reason: "invalidDay")),
        .init(
            scenario: "with the usual separators", text: "85.07.30-033.28", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: false)),
        .init(
            scenario: "with spaces", text: "850730 033 28", currentYear: 2026,
            outcome: .valid(birthYear: 1985, birthMonth: 7, isBIS: false)),
        .init(scenario: "a letter", text: "8507300332A", currentYear: 2026, outcome: .invalid(reason: "invalidCharacter")),
        .init(
            scenario: "non-ASCII digits", text: "８５０７３００３３２８", currentYear: 2026,
            outcome: .invalid(reason: "invalidCharacter")),
        .init(scenario: "10 digits", text: "8507300332", currentYear: 2026, outcome: .invalid(reason: "wrongLength")),
        .init(scenario: "12 digits", text: "850730033280", currentYear: 2026, outcome: .invalid(reason: "wrongLength")),
        .init(scenario: "empty", text: "", currentYear: 2026, outcome: .invalid(reason: "wrongLength")),
        .init(
            scenario: "last check digit off by one", text: "85073003329", currentYear: 2026,
            outcome: .invalid(reason: "checkDigitMismatch")),
    ]

    @Test("Known numbers are accepted or rejected as the register defines", arguments: vectors)
    func knownVectors(_ vector: Vector) throws {
        switch vector.outcome {
        case let .valid(birthYear, birthMonth, isBIS):
            let insz = try INSZ(parsing: vector.text, currentYear: vector.currentYear)
            #expect(insz.birthYear == birthYear)
            #expect(insz.birthMonth == birthMonth)
            #expect(insz.isBIS == isBIS)
            #expect(insz.digits == String(vector.text.filter(\.isNumber)))
        case let .invalid(reason):
            let error = #expect(throws: INSZError.self) {
                try INSZ(parsing: vector.text, currentYear: vector.currentYear)
            }
            #expect(error?.reason == reason)
        }
    }

    @Test("Separators do not change which citizen a number is")
    func separatorsNormalise() throws {
        let plain = try INSZ(parsing: "85073003328", currentYear: 2026)
        let written = try INSZ(parsing: "85.07.30-033.28", currentYear: 2026)
        #expect(plain == written)
        #expect(written.digits == "85073003328")
    }

    @Test("Printing an INSZ in any way never shows its digits")
    func neverPrintsDigits() throws {
        let insz = try INSZ(parsing: "85073003328", currentYear: 2026)
        var dumped = ""
        dump(insz, to: &dumped)
        let renderings = [
            "\(insz)", String(describing: insz), String(reflecting: insz), "\([insz])", dumped,
            "\(Optional(insz) as Any)",
        ]
        for rendering in renderings {
            #expect(!rendering.contains("85073003328"), "leaked in: \(rendering.count) characters")
            #expect(!rendering.contains("850730"))
        }
    }

    @Test("An invalid INSZ's error message does not echo the number")
    func errorDoesNotEcho() {
        let error = #expect(throws: INSZError.self) { try INSZ(parsing: "85073003329", currentYear: 2026) }
        #expect(error.map { !"\($0)".contains("8507300332") } == true)
    }
}
