/// Shape checks of contact details, shared by the help-request form and `tenants.json`: each
/// returns a problem message, or `nil` when the value is fine; messages never echo the value,
/// which may be personal data.
public enum ContactShape {
    /// A pragmatic e-mail check, not RFC 5322: one `@`; a local part of 1–64 printable ASCII
    /// characters without spaces or quotes; a domain of dot-separated labels of letters, digits
    /// and inner hyphens (internationalised domains in their `xn--` form) with at least two
    /// labels and an alphabetic top-level label of 2+ letters; 254 characters at most. It catches
    /// typing errors; whether the mailbox exists only a confirmation mail can tell.
    public static func email(_ value: String) -> String? {
        let problem = "is not a valid e-mail address"
        let bytes = Array(value.utf8)
        guard bytes.count <= 254, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return problem }
        let halves = value.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, (1...64).contains(halves[0].utf8.count),
            !halves[0].contains("\""), !halves[0].hasPrefix("."), !halves[0].hasSuffix(".")
        else { return problem }
        let labels = halves[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return problem }
        let labelsValid = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == 0x2D }
        }
        return labelsValid ? nil : problem
    }

    /// Belgian or international numbers as people type them: digits, spaces, `/`, `.`, `-`, a
    /// leading `+`, and 9–15 digits (E.164 allows 15; Belgian numbers have 9 or 10).
    public static func phone(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        let allowed = bytes.enumerated().allSatisfy { index, byte in
            (0x30...0x39).contains(byte) || [0x20, 0x2F, 0x2E, 0x2D].contains(byte) || (byte == 0x2B && index == 0)
        }
        let digits = bytes.filter { (0x30...0x39).contains($0) }.count
        guard allowed, (9...15).contains(digits) else {
            return "must be a phone number of 9 to 15 digits (digits, spaces, +, /, . and - allowed)"
        }
        return nil
    }
}

extension UInt8 {
    fileprivate var isASCIILetterOrDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
