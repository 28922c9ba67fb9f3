/// Every problem `type` the proxy answers with: a closed set, rendered as
/// `urn:ocmw-proxy:problem:<rawValue>`. The public API's types are exactly those docs/openapi.yaml
/// lists for `Problem.type` (a test keeps them equal); the admin API's and the demo page's are
/// documented with those.
public enum ProblemType: String, CaseIterable, Sendable {
    case invalidINSZ = "invalid-insz"
    case invalidParameter = "invalid-parameter"
    case invalidBody = "invalid-body"
    case invalidCertificateID = "invalid-certificate-id"
    case unknownOCMW = "unknown-ocmw"
    case partNotSupported = "part-not-supported"
    case certificateNotFound = "certificate-not-found"
    case backendTimeout = "backend-timeout"
    case backendUnavailable = "backend-unavailable"
    case backendError = "backend-error"
    case backendCircuitOpen = "backend-circuit-open"
    case idempotencyKeyRequired = "idempotency-key-required"
    case invalidSubmission = "invalid-submission"
    case malformedSubmission = "malformed-submission"
    case payloadTooLarge = "payload-too-large"
    /// A submission whose New Social form (documents in base64) is over the contract's limit.
    case submissionTooLargeForOCMW = "submission-too-large-for-ocmw"
    case unsupportedDocumentType = "unsupported-document-type"
    case idempotencyKeyReused = "idempotency-key-reused"
    case unknownSubmission = "unknown-submission"
    case rateLimited = "rate-limited"
    case auditUnavailable = "audit-unavailable"
    case registrationForOtherOCMW = "registration-for-other-ocmw"
    case unauthorized
    case forbidden
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    /// Any other request the server could not take as sent (a 4xx without a type of its own).
    case badRequest = "bad-request"
    case uriTooLong = "uri-too-long"
    /// A `Transfer-Encoding` with a coding other than `chunked` (501).
    case transferCodingNotImplemented = "transfer-coding-not-implemented"
    /// The proxy is serving all it can: the request was not started (retry after `Retry-After`).
    case overloaded
    case `internal`
    /// Admin API: a reload while reloads are not configured.
    case reloadUnavailable = "reload-unavailable"
    /// Admin API: an outbox retry that cannot be done.
    case retryRefused = "retry-refused"
    /// Demo citizen page: the public API did not give the dossier.
    case dossierUnavailable = "dossier-unavailable"

    /// The `type` member as written in the answer.
    public var uri: String { "urn:ocmw-proxy:problem:\(rawValue)" }

    /// Whether the public API (docs/openapi.yaml) answers with it; the others are the admin
    /// API's and the demo page's.
    public var isPublicAPI: Bool {
        switch self {
        case .reloadUnavailable, .retryRefused, .dossierUnavailable: false
        default: true
        }
    }
}
