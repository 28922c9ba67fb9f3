/// Readers for the v2 dialect's dates, ISO 8601 `yyyy-MM-dd`; `null` or a missing key is absent.
enum ISONotation {
    static func date(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> CalendarDate {
        guard let text else { throw NormalisationError(.missingValue, field: field()) }
        guard let date = CalendarDate(iso8601: text) else { throw NormalisationError(.invalidDate, field: field()) }
        return date
    }

    static func optionalDate(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> CalendarDate? {
        guard let text else { return nil }
        return try date(text, field: field())
    }
}
