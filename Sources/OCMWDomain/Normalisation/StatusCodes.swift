/// Reading a status code through a dialect's table of codes.
enum StatusCodes {
    /// The status a code stands for; a code outside the table is `unknown` with the code as
    /// written (not trimmed, not case-folded: an operator must see exactly what was sent).
    /// - Throws: `missingValue` when the code is absent, empty or blank: that is a broken
    ///   record, not a new code.
    static func read<Status: CodedStatus>(
        _ text: String?, table: [String: Status],
        field: @autoclosure () -> String
    ) throws(NormalisationError) -> Status {
        let code = try RecordRules.requiredText(text, field: field())
        return table[code] ?? .unknown(code)
    }

    /// The table of a dialect that writes each status by its normalised name (v2).
    static func byName<Status: CodedStatus>(_ type: Status.Type) -> [String: Status] {
        Dictionary(uniqueKeysWithValues: Status.knownCases.map { ($0.name, $0) })
    }
}
