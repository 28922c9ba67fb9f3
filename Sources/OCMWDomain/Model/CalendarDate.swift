import OCMWCore

/// A day in the Gregorian calendar, without time of day or time zone: how New Social and
/// Mijn Burgerprofiel write dates. The core's `DayDate` (ISO `yyyy-MM-dd` on the wire, only days
/// that exist), under the name the dossier model reads best with.
public typealias CalendarDate = DayDate

/// Fixed-width ASCII number reading and writing, shared by the date and money parsers.
///
/// Works on UTF-8 bytes so that non-ASCII digits (which `Int(_:)` on a `Character` might accept
/// in other contexts) are never taken for numbers.
enum ASCIIDigits {
    /// The value of a non-empty run of ASCII digits, at most 18 long so it cannot overflow.
    static func value(of bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return result
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.utf8.count)) + text
    }
}
