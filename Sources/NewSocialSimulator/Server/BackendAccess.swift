import NIOHTTP1
import Synchronization

/// The credentials a simulated backend demands: an API key, bearer tokens from its own OAuth2
/// token endpoint, or nothing. Shared by every connection of the backend.
final class BackendAccess: Sendable {
    /// Where the client-credentials grant is served when OAuth2 is configured.
    static let tokenPath = "/oauth2/token"

    private let apiKey: String?
    private let oauth2: SimulatedOAuth2?
    /// Issued bearer tokens and when each expires.
    private let tokens = Mutex<[String: ContinuousClock.Instant]>([:])
    private let issued = Atomic<Int>(0)

    init(_ backend: SimulatedBackend) {
        self.apiKey = backend.requiredAPIKey
        self.oauth2 = backend.oauth2
    }

    /// Tokens issued by the token endpoint so far.
    var tokensIssued: Int { issued.load(ordering: .relaxed) }

    /// Whether this request is for the token endpoint (and the backend has one).
    func isTokenRequest(_ head: HTTPRequestHead) -> Bool {
        oauth2 != nil && head.method == .POST && head.uri.split(separator: "?").first == Substring(Self.tokenPath)
    }

    /// The `401` for a request without valid credentials; `nil` when it may be answered.
    func denial(for head: HTTPRequestHead) -> WireResponse? {
        guard apiKey != nil || oauth2 != nil else { return nil }
        if let apiKey, head.headers.first(name: "X-Api-Key") == apiKey { return nil }
        if oauth2 != nil, let authorization = head.headers.first(name: "Authorization"),
            authorization.hasPrefix("Bearer ")
        {
            let token = String(authorization.dropFirst("Bearer ".count))
            let valid = tokens.withLock { tokens in
                guard let expiry = tokens[token] else { return false }
                return ContinuousClock.now < expiry
            }
            if valid { return nil }
            return .json(401, .object([("error", .string("invalid_token"))]))
        }
        return .json(401, DialectBodies.error("missing or wrong credentials"))
    }

    /// Answers the client-credentials grant (client id and secret in the form body).
    func token(form body: [UInt8]) -> WireResponse {
        guard let oauth2 else { return .json(404, DialectBodies.error("no token endpoint")) }
        let form = Self.parseForm(body)
        guard form["grant_type"] == "client_credentials" else {
            return .json(400, .object([("error", .string("unsupported_grant_type"))]))
        }
        guard form["client_id"] == oauth2.clientID, form["client_secret"] == oauth2.clientSecret else {
            return .json(401, .object([("error", .string("invalid_client"))]))
        }
        let token = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        let lifetime = oauth2.tokenLifetimeSeconds
        tokens.withLock { $0[token] = .now + .seconds(lifetime) }
        issued.add(1, ordering: .relaxed)
        return .json(
            200,
            .object([
                ("access_token", .string(token)), ("token_type", .string("Bearer")), ("expires_in", .int(lifetime)),
            ]))
    }

    /// Forgets every issued token, as an authorisation server restart or key rotation would.
    func revokeTokens() {
        tokens.withLock { $0.removeAll() }
    }

    /// `application/x-www-form-urlencoded` → fields; undecodable fields are dropped.
    private static func parseForm(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : []) else { continue }
            fields[name] = value
        }
        return fields
    }

    /// '+' is a space, `%XX` a byte; `nil` for a broken escape or bytes that are not UTF-8.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
