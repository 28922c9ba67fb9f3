import JWTKit

/// A JSON value of a JWT claim.
enum ClaimValue: Codable, Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([ClaimValue])
    case object([String: ClaimValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ClaimValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ClaimValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// A claim that is "a string or an array of strings" (`aud`, `scp`), as its strings;
    /// `nil` when it is anything else.
    var strings: [String]? {
        switch self {
        case .string(let value): [value]
        case .array(let values):
            values.allSatisfy { $0.string != nil } ? values.compactMap(\.string) : nil
        default: nil
        }
    }
}

/// All claims of a token, by name: the citizen claim's name is configuration, so the payload
/// cannot be a fixed struct.
struct ClaimSet: JWTPayload, Hashable {
    var claims: [String: ClaimValue]

    init(_ claims: [String: ClaimValue]) {
        self.claims = claims
    }

    init(from decoder: any Decoder) throws {
        claims = try decoder.singleValueContainer().decode([String: ClaimValue].self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(claims)
    }

    /// Deliberately empty: jwt-kit calls this with the wall clock, but the claims are checked by
    /// `ClaimsValidator` against the caller's injected `now`, so tests and the cache agree on time.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    subscript(name: String) -> ClaimValue? { claims[name] }
}
