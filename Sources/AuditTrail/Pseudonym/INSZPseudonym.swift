/// The keyed pseudonym of an INSZ: what logs, metrics and the audit trail carry instead of it.
///
/// Always 32 lowercase hexadecimal characters (128 bits), so an INSZ (11 decimal digits) can never
/// be stored in its place by mistake: the type refuses any other form.
public struct INSZPseudonym: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The number of hexadecimal characters in a pseudonym.
    public static let hexLength = 32

    /// The pseudonym, 32 lowercase hexadecimal characters.
    public let hex: String

    /// Accepts exactly 32 lowercase hexadecimal characters, e.g. a pseudonym read back from storage.
    public init?(hex: some StringProtocol) {
        let isLowercaseHex = hex.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        guard hex.utf8.count == Self.hexLength, isLowercaseHex else { return nil }
        self.hex = String(hex)
    }

    /// Callers have produced the 32 lowercase hexadecimal characters themselves.
    init(unchecked hex: String) {
        self.hex = hex
    }

    public var description: String { hex }

    public static func < (lhs: INSZPseudonym, rhs: INSZPseudonym) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let pseudonym = INSZPseudonym(hex: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a 32-character INSZ pseudonym"))
        }
        self = pseudonym
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
