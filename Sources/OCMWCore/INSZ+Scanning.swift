extension INSZ {
    /// Whether `text` holds a national or BIS number: 11 digits in a row — consecutive, or
    /// separated by single `.` or `-` as people write them (`85.07.30-033.28`) — that pass the
    /// checks under either century's reading. Digits further along a longer run count too: any
    /// 11 of them in a row are tried.
    ///
    /// For texts the proxy did not write and is about to log or store, such as a caller's
    /// request id: "no national number in the logs" must not depend on what callers send.
    /// - Returns: `true` at the first valid number found.
    public static func isContained(in text: some StringProtocol) -> Bool {
        var digits: [UInt8] = []
        var previousWasSeparator = false
        for byte in text.utf8 + [0] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
                previousWasSeparator = false
                continue
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                // One separator between two digits joins them; anything else ends the run.
                if !digits.isEmpty, !previousWasSeparator {
                    previousWasSeparator = true
                    continue
                }
            default:
                break
            }
            if containsValidWindow(digits) { return true }
            digits.removeAll(keepingCapacity: true)
            previousWasSeparator = false
        }
        return false
    }

    private static func containsValidWindow(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 11 else { return false }
        for start in 0...(digits.count - 11) {
            let window = String(decoding: digits[start..<(start + 11)], as: UTF8.self)
            // Int.max as the current year admits both centuries' readings: the widest net.
            if (try? INSZ(parsing: window, currentYear: Int.max)) != nil { return true }
        }
        return false
    }
}
