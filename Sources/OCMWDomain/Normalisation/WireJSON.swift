/// A JSON document scanned for the wire decoder: its structure (objects, arrays, literals) is
/// read in one pass, while strings and numbers stay ranges of the body's bytes, turned into values
/// (and checked) only when a wire struct reads them.
///
/// It reads what Foundation's `JSONDecoder` reads, so that a New Social body is accepted or refused
/// exactly as before (`WireJSONDecoderTests` compares the two): JSON in UTF-8, a leading byte
/// order mark skipped, a trailing comma before `}` or `]` tolerated, nesting up to 512 levels, the
/// first of duplicate keys read, and — like `JSONDecoder`'s scanner — a string's escapes and
/// UTF-8 or a number's form checked only for a value that is read. One difference: a body in
/// UTF-16 or UTF-32 is refused as not JSON (`JSONDecoder` converted it; New Social answers UTF-8).
enum WireJSON {
    case null
    case bool(Bool)
    /// A number token: `-` or a digit, then digits, `.`, `e`, `E`, `+`, `-` (checked when read).
    case number(Range<Int>)
    case string(WireString)
    case array([WireJSON])
    case object([Member])

    /// One key and its value, in the order written.
    struct Member {
        let key: WireString
        let value: WireJSON
    }

    /// The document is not JSON: where the scanner stopped (for tests; never shown, it says
    /// nothing a caller could act on and the body is not to be quoted).
    struct SyntaxError: Error, Sendable {
        let offset: Int
    }

    /// Scans a whole document; anything but whitespace after the top-level value is an error.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(SyntaxError) -> WireJSON {
        var parser = WireJSONParser(bytes: bytes)
        return try parser.document()
    }

    /// What a value is, in `DecodingError`'s words ("found a string instead").
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A string's bytes between its quotes; `plain` when they hold no escape and no control
/// character, so that the bytes are the text (if they are UTF-8).
struct WireString {
    let range: Range<Int>
    let plain: Bool
}

/// The recursive-descent scanner behind `WireJSON.parse`.
private struct WireJSONParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    var depth = 0
    static let maximumDepth = 512

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        // A UTF-8 byte order mark is skipped, as JSONDecoder does.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func document() throws(WireJSON.SyntaxError) -> WireJSON {
        let value = try self.value()
        skipWhitespace()
        guard index == bytes.count else { throw fail() }
        return value
    }

    private func fail() -> WireJSON.SyntaxError { WireJSON.SyntaxError(offset: index) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws(WireJSON.SyntaxError) -> WireJSON {
        skipWhitespace()
        guard index < bytes.count else { throw fail() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(number())
        default: throw fail()
        }
    }

    private mutating func literal(_ word: StaticString) throws(WireJSON.SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fail() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
        index += count
    }

    private mutating func enter() throws(WireJSON.SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail() }
    }

    private mutating func object() throws(WireJSON.SyntaxError) -> WireJSON {
        try enter()
        index += 1  // {
        var members: [WireJSON.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail() }
            index += 1
            members.append(WireJSON.Member(key: key, value: try value()))
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw fail() }
            index += 1
            skipWhitespace()
            // A trailing comma, as JSONDecoder tolerates it.
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { break }
        }
        index += 1
        depth -= 1
        return .object(members)
    }

    private mutating func array() throws(WireJSON.SyntaxError) -> WireJSON {
        try enter()
        index += 1  // [
        var elements: [WireJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw fail() }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { break }
        }
        index += 1
        depth -= 1
        return .array(elements)
    }

    /// A string from its opening quote to its closing one; a backslash takes the next byte with it.
    private mutating func string() throws(WireJSON.SyntaxError) -> WireString {
        index += 1  // "
        let start = index
        var plain = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return WireString(range: start..<(index - 1), plain: plain)
            }
            if byte == UInt8(ascii: "\\") {
                plain = false
                // As JSONDecoder's scanner: `\u` must have its four hex digits here already;
                // any other escape is checked when the string is read.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                    guard bytes.count - index >= 6, (2..<6).allSatisfy({ bytes[index + $0].hexValue != nil }) else { throw fail() }
                    index += 6
                } else {
                    index += 2
                }
                continue
            }
            if byte < 0x20 { plain = false }
            index += 1
        }
        throw fail()
    }

    private mutating func number() -> Range<Int> {
        let start = index
        index += 1
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"):
                index += 1
            default: break scan
            }
        }
        return start..<index
    }
}

/// The values of a document's strings and numbers, read from its bytes when a wire struct asks
/// for them; `nil` for one that is not valid (an escape, UTF-8, the number's form).
struct WireText {
    let bytes: UnsafeRawBufferPointer

    /// Whether a string's bytes are `name` (keys are compared without making a `String`).
    func matches(_ string: WireString, _ name: String) -> Bool {
        if !string.plain { return self.string(string) == name }
        let utf8 = name.utf8
        guard utf8.count == string.range.count else { return false }
        // A key's name is a literal: its UTF-8 is contiguous, and comparing it is one memcmp.
        return utf8.withContiguousStorageIfAvailable { name in
            name.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[string.range]))
        } ?? utf8.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[string.range]))
    }

    /// Whether a string's escapes and UTF-8 are valid (ASCII without escapes is, at once).
    func isValid(_ string: WireString) -> Bool {
        if string.plain, !bytes[string.range].contains(where: { $0 >= 0x80 }) { return true }
        return self.string(string) != nil
    }

    func string(_ string: WireString) -> String? {
        let run = UnsafeBufferPointer(rebasing: bytes.assumingMemoryBound(to: UInt8.self)[string.range])
        if string.plain { return String(validating: run, as: UTF8.self) }
        return unescaped(run)
    }

    private func unescaped(_ run: UnsafeBufferPointer<UInt8>) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(run.count)
        var index = 0
        while index < run.count {
            let byte = run[index]
            index += 1
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                continue
            }
            guard index < run.count else { return nil }
            let escape = run[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard let scalar = Self.escapedScalar(run, &index) else { return nil }
                decoded.append(contentsOf: UTF8.encode(scalar)!)
            default: return nil
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// The scalar of a `\u` escape (its `u` read), a surrogate pair taken together; a lone
    /// surrogate is invalid, as in JSONDecoder.
    private static func escapedScalar(_ run: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Unicode.Scalar? {
        guard let first = hexQuad(run, &index) else { return nil }
        guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first) }
        guard run.count - index >= 2, run[index] == UInt8(ascii: "\\"), run[index + 1] == UInt8(ascii: "u") else { return nil }
        index += 2
        guard let second = hexQuad(run, &index), (0xDC00...0xDFFF).contains(second) else { return nil }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    private static func hexQuad(_ run: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt32? {
        guard run.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = run[index].hexValue else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The integer a number token denotes, as `JSONDecoder` reads it (`1e2` and `100.0` are 100);
    /// `nil` when the token lacks RFC 8259's form `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    /// or its value is no integer that fits `Int`.
    func integer(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let end = range.upperBound
        func isDigit(_ at: Int) -> Bool { at < end && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(index) else { return nil }
        // Accumulated as a negative number, so that Int.min fits.
        var accumulated = 0
        var fits = true
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) {
                let (shifted, overflowA) = accumulated.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = shifted.subtractingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
                if overflowA || overflowB { fits = false } else { accumulated = next }
                index += 1
            }
        }
        var plainInteger = true
        if index < end, bytes[index] == UInt8(ascii: ".") {
            plainInteger = false
            index += 1
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            plainInteger = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard index == end else { return nil }
        if plainInteger {
            // A plain integer beyond Int does not fit.
            guard fits else { return nil }
            if negative { return accumulated }
            let (positive, overflow) = (0).subtractingReportingOverflow(accumulated)
            return overflow ? nil : positive
        }
        // An integral value written with a fraction or an exponent still denotes an integer.
        guard let double = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)),
            double.rounded(.towardZero) == double
        else { return nil }
        return Int(exactly: double)
    }
}

extension UInt8 {
    /// The value of an ASCII hexadecimal digit.
    fileprivate var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
