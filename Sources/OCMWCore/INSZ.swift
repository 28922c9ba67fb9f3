/// A Belgian national number (rijksregisternummer) or BIS number, validated.
///
/// The canonical form is the 11 digits without separators. `description` never shows the
/// number itself so an INSZ interpolated into a log line cannot leak it; use `digits` on the
/// data path only, where the number is really needed.
public struct INSZ: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The 11 digits, canonical form. Data path only: never log it.
    public let digits: String
    /// Whether this is a BIS number (month + 20 or + 40) rather than a national register number.
    public let isBIS: Bool
    /// The birth year the check digits resolved to (19xx or 20xx).
    public let birthYear: Int
    /// The birth month (1–12), or 0 when the register does not know it.
    public let birthMonth: Int

    /// Parses and validates a national number or BIS number.
    ///
    /// Accepts the 11 digits alone or with the usual separators (`85.07.30-033.28`, spaces).
    /// - Parameters:
    ///   - text: The number as typed or received.
    ///   - currentYear: Today's year, from an injected clock: the 20xx reading of the check digits
    ///     is only allowed when that birth year is not in the future.
    /// - Throws: `INSZError` saying what is wrong (never echoing the number).
    public init(parsing text: some StringProtocol, currentYear: Int) throws(INSZError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(11)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.append(UInt8(scalar.value - 48))
            case ".", "-", " ": continue
            default: throw INSZError(.invalidCharacter)
            }
        }
        guard digits.count == 11 else { throw INSZError(.wrongLength) }

        let firstNine = digits[0..<9].reduce(0) { $0 * 10 + Int($1) }
        let check = Int(digits[9]) * 10 + Int(digits[10])
        let yy = Int(digits[0]) * 10 + Int(digits[1])
        let rawMonth = Int(digits[2]) * 10 + Int(digits[3])
        let day = Int(digits[4]) * 10 + Int(digits[5])

        let matches1900 = 97 - firstNine % 97 == check
        let matches2000 = 97 - (2_000_000_000 + firstNine) % 97 == check
        let year: Int
        if matches2000 && 2000 + yy <= currentYear {
            year = 2000 + yy
        } else if matches1900 {
            year = 1900 + yy
        } else {
            throw INSZError(.checkDigitMismatch)
        }

        let (month, bis) = try Self.resolveMonth(rawMonth)
        // Day 00, or a day past the month's end, is how the register writes an unknown or
        // uncertain birth date: allowed. Only a day no month has is rejected.
        guard day <= 31 else { throw INSZError(.invalidDay) }

        self.digits = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        self.isBIS = bis
        self.birthYear = year
        self.birthMonth = month
    }

    /// BIS numbers add 20 (sex unknown at assignment) or 40 (sex known) to the month.
    /// Month 00 stands for an unknown birth month.
    private static func resolveMonth(_ raw: Int) throws(INSZError) -> (month: Int, bis: Bool) {
        switch raw {
        case 0...12: return (raw, false)
        case 20...32: return (raw - 20, true)
        case 40...52: return (raw - 40, true)
        default: throw INSZError(.invalidMonth)
        }
    }

    public var description: String { "INSZ(redacted)" }
    public var debugDescription: String { "INSZ(redacted)" }
}

extension INSZ: CustomReflectable {
    /// No children: `dump`, debuggers and test failure messages walk a value's mirror, and
    /// would otherwise print `digits`.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Why a text is not a valid INSZ. The message never contains the number.
public struct INSZError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case invalidCharacter = "contains characters other than digits and separators"
        case wrongLength = "must have exactly 11 digits"
        case checkDigitMismatch = "check digits do not match"
        case invalidMonth = "month part is not a valid (BIS) month"
        case invalidDay = "day part is not a valid day"
    }

    let code: Code
    init(_ code: Code) { self.code = code }

    /// A short stable reason, usable as a metric label.
    public var reason: String { String(describing: code) }
    public var description: String { "invalid INSZ: \(code.rawValue)" }
}
