/// How a request authenticates the backend it talks to over `https://`, and itself to it.
///
/// The peer's certificate chain and host name are always verified (`CURLOPT_SSL_VERIFYPEER` 1,
/// `CURLOPT_SSL_VERIFYHOST` 2): there is deliberately no option to turn verification off.
/// Requests without `TLSOptions` are verified against the system trust store as well.
///
/// curl only reuses a pooled connection for a request whose TLS settings match the ones it was
/// opened with, so requests with different options never share a connection.
public struct TLSOptions: Sendable, Hashable {
    /// PEM file of the CA certificates trusted for the backend; `nil` trusts the system store.
    public var caBundlePath: String?
    /// PEM file of the client certificate (chain) presented for mutual TLS; `nil` presents none.
    public var clientCertificatePath: String?
    /// PEM file of the unencrypted private key of `clientCertificatePath`.
    public var clientKeyPath: String?

    /// Always true: the backend's certificate chain and host name are verified.
    public var verifyPeer: Bool { true }

    /// - Parameters:
    ///   - caBundlePath: CA certificates to trust (PEM); `nil` for the system store.
    ///   - clientCertificatePath: Client certificate for mutual TLS (PEM); `nil` for none.
    ///   - clientKeyPath: Its private key (PEM, not encrypted).
    public init(caBundlePath: String? = nil, clientCertificatePath: String? = nil, clientKeyPath: String? = nil) {
        self.caBundlePath = caBundlePath
        self.clientCertificatePath = clientCertificatePath
        self.clientKeyPath = clientKeyPath
    }
}

/// Why a TLS handshake (or the loading of its files) failed: a short stable name for metrics
/// and for operators, finer than `CurlClientError.Kind.connectFailed`.
public enum TLSFailure: String, Sendable, Hashable, CaseIterable {
    /// The backend's certificate was not trusted: unknown CA, expired, wrong host name.
    case untrustedPeer
    /// The CA bundle could not be read or parsed.
    case caBundleUnreadable
    /// The client certificate or key could not be loaded (missing, unreadable, not matching).
    case clientCertificateProblem
    /// The backend demanded a client certificate and got none, or refused the one offered.
    case clientCertificateRejected
    /// The handshake itself failed (protocol or cipher mismatch, reset during the handshake).
    case handshakeFailed
}
