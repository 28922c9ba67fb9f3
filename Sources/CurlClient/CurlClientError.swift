/// Why a transfer failed. A struct around a private code so cases can be added without breaking
/// callers; `kind` is short and stable, usable as a metric label.
public struct CurlClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure, for callers that map it (timeout vs. unavailable vs. error).
    public enum Kind: String, Sendable, Hashable {
        /// The deadline or total timeout passed before the response was complete.
        case timedOut
        /// No connection could be made (refused, unreachable, DNS, TLS handshake).
        case connectFailed
        /// The connection broke mid-transfer (reset, closed early, empty reply).
        case connectionLost
        /// The response body exceeded `maxResponseBytes`.
        case responseTooLarge
        /// The calling task was cancelled.
        case cancelled
        /// The client is shutting down or was never started.
        case shutdown
        /// The request could not be set up (bad URL, unsupported scheme).
        case invalidRequest
        /// Anything else curl reported (protocol violations and the like).
        case transport
    }

    public let kind: Kind
    /// curl's own explanation, for logs. Never contains request data.
    public let detail: String
    /// Set when the failure is a TLS one (kind `connectFailed`): which part of TLS failed.
    /// Unlike a refused connection, these do not heal by retrying: the configuration is wrong.
    public let tlsFailure: TLSFailure?

    init(_ kind: Kind, detail: String = "", tlsFailure: TLSFailure? = nil) {
        self.kind = kind
        self.detail = detail
        self.tlsFailure = tlsFailure
    }

    public static let cancelled = CurlClientError(.cancelled)
    public static let shutdown = CurlClientError(.shutdown)

    public var description: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}
