/// A Belgian enterprise number (KBO / BCE), e.g. OCMW Gent's `0212.214.125`.
///
/// Ten digits; the last two are 97 − (first eight mod 97).
public struct KBONumber: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The 10 digits without separators.
    public let digits: String

    /// Parses `0212.214.125`, `0212214125` or `BE0212214125`.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("BE") { body = body.dropFirst(2) }
        let digits = body.filter { $0 != "." && $0 != " " }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let firstEight = Int(digits.prefix(8)), let check = Int(digits.suffix(2)),
            97 - firstEight % 97 == check
        else { return nil }
        self.digits = String(digits)
    }

    /// The usual written form, `0212.214.125`.
    public var description: String {
        let d = Array(digits)
        return "\(String(d[0..<4])).\(String(d[4..<7])).\(String(d[7..<10]))"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = KBONumber(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a valid KBO number"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
