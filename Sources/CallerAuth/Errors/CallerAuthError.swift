/// Why a caller was refused. Never carries the token, a claim value or an INSZ, so it can be
/// logged and its ``reason`` used as a metric label as is.
///
/// HTTP mapping lives in the server: ``status`` says whether the caller failed to authenticate
/// (401) or is authenticated but not allowed (403), and ``wwwAuthenticate(realm:)`` gives the
/// RFC 6750 challenge for the response.
public struct CallerAuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the caller is unauthenticated or authenticated but not allowed.
    public enum Status: Sendable, Hashable {
        /// No acceptable credentials (HTTP 401).
        case unauthorized
        /// Valid credentials that do not allow this request (HTTP 403).
        case forbidden
    }

    enum Code: String, Sendable, Hashable {
        case missingToken
        case malformedToken
        case algorithmNotAllowed
        case unknownKey
        case badSignature
        case expired
        case notYetValid
        case wrongIssuer
        case wrongAudience
        case missingExpiry
        case missingClientID
        case invalidCitizenClaim
        case missingScope
        case citizenMismatch
    }

    let code: Code
    /// The scope that was required, for ``Code/missingScope`` only (a configured name, not caller data).
    public let requiredScope: String?

    init(_ code: Code, requiredScope: String? = nil) {
        self.code = code
        self.requiredScope = requiredScope
    }

    /// No bearer token in the request.
    public static let missingToken = CallerAuthError(.missingToken)
    /// Not a compact JWS: wrong number of segments, bad base64url, unreadable header or payload.
    public static let malformedToken = CallerAuthError(.malformedToken)
    /// The `alg` header is not allowed (`none`, HS*, …) or does not match the key's algorithm.
    public static let algorithmNotAllowed = CallerAuthError(.algorithmNotAllowed)
    /// No `kid`, or a `kid` that is not in the current key set.
    public static let unknownKey = CallerAuthError(.unknownKey)
    /// The signature does not verify with the key named by `kid`.
    public static let badSignature = CallerAuthError(.badSignature)
    /// `exp` is in the past, beyond the clock leeway.
    public static let expired = CallerAuthError(.expired)
    /// `nbf` is in the future, beyond the clock leeway.
    public static let notYetValid = CallerAuthError(.notYetValid)
    /// `iss` is missing or not the configured issuer.
    public static let wrongIssuer = CallerAuthError(.wrongIssuer)
    /// `aud` is missing or does not contain the configured audience.
    public static let wrongAudience = CallerAuthError(.wrongAudience)
    /// The token has no numeric `exp`; tokens without an expiry are never accepted.
    public static let missingExpiry = CallerAuthError(.missingExpiry)
    /// None of `azp`, `client_id`, `sub` names the caller.
    public static let missingClientID = CallerAuthError(.missingClientID)
    /// The citizen claim is present but is not a valid INSZ.
    public static let invalidCitizenClaim = CallerAuthError(.invalidCitizenClaim)
    /// The token is bound to a citizen other than the one in the request.
    public static let citizenMismatch = CallerAuthError(.citizenMismatch)
    /// The token lacks the scope `scope`.
    public static func missingScope(_ scope: String) -> CallerAuthError {
        CallerAuthError(.missingScope, requiredScope: scope)
    }

    /// 401 for everything about the token itself, 403 once the caller is known but not allowed.
    public var status: Status {
        switch code {
        case .missingScope, .citizenMismatch: .forbidden
        default: .unauthorized
        }
    }

    /// A short stable reason (`expired`, `badSignature`, …), usable as a metric label.
    public var reason: String { code.rawValue }

    /// A sentence for logs and problem details. Fixed per reason: never echoes caller input.
    public var description: String {
        switch code {
        case .missingToken: "no bearer token"
        case .malformedToken: "the token is not a well-formed JWT"
        case .algorithmNotAllowed: "the token's signing algorithm is not allowed"
        case .unknownKey: "the token's key id is not in the key set"
        case .badSignature: "the token's signature does not verify"
        case .expired: "the token has expired"
        case .notYetValid: "the token is not valid yet"
        case .wrongIssuer: "the token was not issued by the trusted issuer"
        case .wrongAudience: "the token is not intended for this service"
        case .missingExpiry: "the token has no expiry"
        case .missingClientID: "the token does not identify its client"
        case .invalidCitizenClaim: "the token's citizen claim is not a valid INSZ"
        case .missingScope: "the token lacks the scope \(requiredScope ?? "required")"
        case .citizenMismatch: "the token is bound to another citizen"
        }
    }
}
