/// A list of strings as a JSON array, written directly: the stores keep tenant ids, part names
/// and warnings in one text column this way.
///
/// The bytes are `JSONEncoder`'s with its default options (`/` written `\/`, control characters
/// as `\uXXXX` or their short escapes), so rows written before and after read the same; the
/// encoder's container tree for a two-element list cost more than the audit insert itself.
public enum JSONStringList {
    public static func text(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text.append(",") }
            text.append("\"")
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text.append("\\\"")
                case "\\": text.append("\\\\")
                case "/": text.append("\\/")
                case "\n": text.append("\\n")
                case "\r": text.append("\\r")
                case "\t": text.append("\\t")
                case "\u{08}": text.append("\\b")
                case "\u{0C}": text.append("\\f")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: text.unicodeScalars.append(scalar)
                }
            }
            text.append("\"")
        }
        text.append("]")
        return text
    }
}
