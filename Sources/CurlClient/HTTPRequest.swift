/// An HTTP request for the curl client. Plain values only: no curl types leak out of this module.
public struct HTTPRequest: Sendable {
    /// The methods the proxy needs toward New Social.
    public enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    public var method: Method
    /// Absolute `http://` or `https://` URL.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    /// Time allowed to establish the connection (TCP + TLS).
    public var connectTimeoutMs: Int
    /// Time allowed for the whole transfer; the caller's deadline may shorten it further.
    public var totalTimeoutMs: Int
    /// The transfer is aborted as soon as the response body grows past this size.
    public var maxResponseBytes: Int
    /// Trust and client certificate for `https://`; `nil` verifies against the system trust store.
    public var tls: TLSOptions?

    public init(
        method: Method = .get, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
        connectTimeoutMs: Int = 1_000, totalTimeoutMs: Int = 5_000, maxResponseBytes: Int = 4 << 20,
        tls: TLSOptions? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeoutMs = connectTimeoutMs
        self.totalTimeoutMs = totalTimeoutMs
        self.maxResponseBytes = maxResponseBytes
        self.tls = tls
    }
}

/// One header line. Names are compared case-insensitively.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A complete HTTP response as received.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header lines of the final response, names lowercased.
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// New connections curl had to open for this transfer: 0 when a pooled one was reused.
    public var newConnections: Int
    /// Wall time of the transfer as curl measured it.
    public var totalTimeMs: Double

    /// The first header with this (lowercase) name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}
