import CitizenDispatch
import OCMWCore
import OCMWDomain
import Testing

/// Strings and numbers the dataset does not contain, written by `AnswerJSONWriter` and by
/// `JSONEncoder`, compared byte for byte.
@Suite struct AnswerJSONWriterEscapingTests {
    static let controls = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }

    static let texts: [String] =
        controls + [
            controls.joined(), "", "\"", "\\", "\\\"", "/", "a/b//c", "</script>", "\u{7F}", "\u{80}",
            "\u{2028}", "\u{2029}", "line\u{2028}separator", "\u{FEFF}bom", "😀", "👨‍👩‍👧‍👦", "🇧🇪",
            "Één café, coöperatie, ruïne, België, Curaçao, Noël", "e\u{301}", "tab\there\r\nnew\u{0}nul",
            "\u{1F}\u{20}\u{21}", "quote \"in\" \\ back\\slash", String(repeating: "ë\"", count: 300),
        ]

    static func debts(_ text: String, original: Int = 100, outstanding: Int = 50) -> PartValue {
        let period = DatePeriod(start: DayDate(iso8601: "2024-01-31")!, end: nil)!
        let debt = Debt(
            description: text, period: period, decision: Decision(date: DayDate(iso8601: "0001-02-03")!, point: text),
            originalCents: original, outstandingCents: outstanding)
        return .debts(DebtOverview(reference: text, items: [debt]))
    }

    static func answer(_ value: PartValue, reason: String?, name: String) -> PartAnswer {
        let tenant = Tenant(
            id: TenantID("gent")!, kbo: KBONumber("0212.214.125")!, name: name, postalCodes: ["9000"],
            backend: Backend(baseURL: "http://127.0.0.1:9", dialect: .v2, credentials: .environment(name: "KEY")),
            limits: .builtIn, categoriesOfHelp: [], certificateTypes: [], state: .active)
        return PartAnswer(ocmws: [.init(ocmw: OCMWReference(tenant), status: .ok, reason: reason, value: value, part: .debts)])
    }

    @Test(arguments: texts)
    func stringsAreEscapedAsTheEncoderDoes(text: String) throws {
        try AnswerJSONWriterTests.expectSameBytes(Self.answer(Self.debts(text), reason: text, name: text))
    }

    @Test(arguments: [(0, 0), (-1, -1), (Int.min, 0), (Int.max, -5), (9, 10), (123_456_789, 987_654_321), (-42, 7)])
    func integersAreWrittenAsTheEncoderDoes(original: Int, outstanding: Int) throws {
        try AnswerJSONWriterTests.expectSameBytes(
            Self.answer(Self.debts("x", original: original, outstanding: outstanding), reason: nil, name: "n"))
    }

    /// The escaping table itself, so a change in Foundation would show here first.
    @Test func controlCharactersUseShortFormsOrLowerCaseHex() {
        var writer = AnswerJSONWriter()
        writer.string("\u{8}\u{C}\n\r\t\u{1}\u{1F}\"\\/é")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""\b\f\n\r\t\u0001\u001f\"\\/é""#)
    }
}
