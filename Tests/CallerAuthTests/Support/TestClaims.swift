import Foundation
import JWTKit

/// A token payload built field by field, so each test states exactly the claims it sends.
/// Nil fields are left out of the JSON.
struct TestClaims: JWTPayload {
    var iss: String? = Fixture.issuer
    var aud: [String]? = [Fixture.audience]
    var exp: Double? = Fixture.now.timeIntervalSince1970 + 300
    var nbf: Double?
    var azp: String? = "mbp"
    var clientID: String?
    var sub: String?
    var scope: String? = "ocmw.dossier.read"
    var scp: [String]?
    /// Value of the citizen claim (`urn:be:vlaanderen:insz`), sent as is.
    var citizen: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init() {}

    init(from decoder: any Decoder) throws {
        // Tests only sign these; nothing decodes them.
        self.init()
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(iss, forKey: Key("iss"))
        if let aud { try container.encode(aud.count == 1 ? Audience.single(aud[0]) : Audience.many(aud), forKey: Key("aud")) }
        try container.encodeIfPresent(exp, forKey: Key("exp"))
        try container.encodeIfPresent(nbf, forKey: Key("nbf"))
        try container.encodeIfPresent(azp, forKey: Key("azp"))
        try container.encodeIfPresent(clientID, forKey: Key("client_id"))
        try container.encodeIfPresent(sub, forKey: Key("sub"))
        try container.encodeIfPresent(scope, forKey: Key("scope"))
        try container.encodeIfPresent(scp, forKey: Key("scp"))
        try container.encodeIfPresent(citizen, forKey: Key("urn:be:vlaanderen:insz"))
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// `aud` as the single string most providers send, or an array.
    enum Audience: Encodable {
        case single(String)
        case many([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .single(let value): try container.encode(value)
            case .many(let values): try container.encode(values)
            }
        }
    }

    /// The payload as base64url JSON, for hand-crafted tokens.
    func encodedSegment() throws -> String {
        try base64URL(JSONEncoder().encode(self))
    }
}

func base64URL(_ data: Data) -> String {
    data.base64EncodedString()
        .replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

func base64URL(_ text: String) -> String { base64URL(Data(text.utf8)) }

/// The `alg` of a compact JWS's header, to check what a hand-crafted token claims to be.
func headerAlgorithm(of token: String) -> String? {
    guard let segment = token.split(separator: ".").first else { return nil }
    var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64),
        let header = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return header["alg"] as? String
}
