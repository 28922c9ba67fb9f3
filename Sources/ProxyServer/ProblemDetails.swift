import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem answer (`application/problem+json`). Every error the proxy returns to a
/// caller takes this shape; `type` is a stable identifier documented in docs/openapi.yaml.
public struct ProblemDetails: HTTPResponseError, Encodable, Sendable {
    public let status: HTTPResponse.Status
    /// Stable problem identifier, e.g. `invalid-insz`, rendered as a URN.
    public let type: ProblemType
    public let title: String
    public let detail: String?
    /// Echoed in the `X-Request-Id` header of the answer, when known.
    var requestID: String?
    /// The `WWW-Authenticate` challenge of a 401 or 403.
    var wwwAuthenticate: String?
    /// The `Retry-After` of a 503, in seconds.
    var retryAfterSeconds: Int?

    public init(status: HTTPResponse.Status, type: ProblemType, title: String, detail: String? = nil) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type.uri, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status.code, forKey: .status)
        try container.encodeIfPresent(detail, forKey: .detail)
    }

    /// The same problem, answered with this request id.
    func with(requestID: String) -> ProblemDetails {
        var copy = self
        copy.requestID = requestID
        return copy
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(self)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let requestID { headers[.requestID] = requestID }
        if let wwwAuthenticate { headers[.wwwAuthenticate] = wwwAuthenticate }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(
            status: status,
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension ProblemDetails {
    static func invalidINSZ(_ reason: String) -> ProblemDetails {
        ProblemDetails(status: .badRequest, type: .invalidINSZ, title: "The national number is not valid", detail: reason)
    }

    static func invalidParameter(_ name: String, _ reason: String) -> ProblemDetails {
        ProblemDetails(
            status: .badRequest, type: .invalidParameter, title: "A query parameter is not valid",
            detail: "\(name): \(reason)")
    }

    static func invalidBody(_ reason: String) -> ProblemDetails {
        ProblemDetails(status: .badRequest, type: .invalidBody, title: "The request body is not valid", detail: reason)
    }

    static func unknownOCMW(_ id: String) -> ProblemDetails {
        ProblemDetails(
            status: .notFound, type: .unknownOCMW, title: "No such OCMW",
            detail: "'\(id.prefix(64))' is not an OCMW of this proxy")
    }

}
