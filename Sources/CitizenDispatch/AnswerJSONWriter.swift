import OCMWCore

/// Appends JSON as UTF-8 bytes, for the citizen answers on the hot path.
///
/// It writes exactly the bytes `JSONEncoder` writes with `.sortedKeys, .withoutEscapingSlashes`
/// (docs/openapi.yaml promises the same bytes for the same answer), without building the Codable
/// container tree that cost ~14 % of a dossier's CPU. Callers write each object's keys in sorted
/// order themselves; `AnswerJSONWriterTests` compares every answer shape with `JSONEncoder`.
package struct AnswerJSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// Whether the next key or element is the first of its object or array (no comma before it).
    private var first = true

    package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    package mutating func beginObject() {
        comma()
        bytes.append(UInt8(ascii: "{"))
        first = true
    }
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }
    package mutating func beginArray() {
        comma()
        bytes.append(UInt8(ascii: "["))
        first = true
    }
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// Writes `"key":`; the value written next follows without a comma.
    package mutating func key(_ key: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        first = true
    }

    /// Writes `"key":` for a key known only at run time (a part's name, plain ASCII).
    package mutating func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    package mutating func string(_ value: String) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `"key":"value"` when there is a value, nothing otherwise (as `Encodable` leaves out
    /// a nil optional).
    package mutating func string(_ key: StaticString, ifPresent value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    package mutating func int(_ value: Int) {
        comma()
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    package mutating func bool(_ value: Bool) {
        comma()
        value ? bytes.append(contentsOf: [116, 114, 117, 101]) : bytes.append(contentsOf: [102, 97, 108, 115, 101])
    }

    /// A day as `"yyyy-MM-dd"`, as `DayDate`'s `Codable` writes it.
    package mutating func day(_ day: DayDate) {
        openYearMonth(day.year, day.month)
        bytes.append(UInt8(ascii: "-"))
        digits(day.day, width: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A month as `"yyyy-MM"`, as `CalendarMonth`'s `Codable` writes it.
    package mutating func month(_ month: CalendarMonth) {
        openYearMonth(month.year, month.month)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"yyyy-MM`: the start of a day or a month, its closing quote left to the caller.
    private mutating func openYearMonth(_ year: Int, _ month: Int) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        digits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, width: 2)
    }

    /// Fixed-width digits of a value that fits (years 0…9999, months, days).
    private mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func comma() {
        if first { first = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    /// JSONEncoder's escaping: `"` and `\` by backslash; `\b \f \n \r \t` by name; other bytes below
    /// 0x20 as `\u00xx` (lower-case hex); `/` and everything else, non-ASCII included, as is.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F),
                ])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
