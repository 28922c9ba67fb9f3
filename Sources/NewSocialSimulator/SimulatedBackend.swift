import OCMWCore

import struct Foundation.URL

/// One simulated New Social installation: which OCMW, which dialect, which port, and optionally
/// TLS and the credentials it demands.
public struct SimulatedBackend: Sendable, Equatable {
    /// The OCMW whose records this backend serves.
    public var tenant: TenantID
    /// The API dialect it speaks.
    public var dialect: Dialect
    /// The port to listen on; 0 picks a free one (see `NewSocialSimulator.start()`).
    public var port: Int
    /// Serve HTTPS with this certificate (and optionally demand client certificates); `nil` for
    /// plain HTTP.
    public var tls: SimulatedTLS?
    /// When set, every API request must carry `X-Api-Key` with this value (or a bearer token
    /// issued by the OAuth2 endpoint); others get `401` with a JSON error.
    public var requiredAPIKey: String?
    /// When set, the backend serves `POST /oauth2/token` (client-credentials grant) and accepts
    /// the bearer tokens it issued, for `tokenLifetimeSeconds`.
    public var oauth2: SimulatedOAuth2?

    /// A backend; port 0 (the default) for an ephemeral port, plain HTTP and no credentials.
    public init(
        tenant: TenantID, dialect: Dialect, port: Int = 0, tls: SimulatedTLS? = nil,
        requiredAPIKey: String? = nil, oauth2: SimulatedOAuth2? = nil
    ) {
        self.tenant = tenant
        self.dialect = dialect
        self.port = port
        self.tls = tls
        self.requiredAPIKey = requiredAPIKey
        self.oauth2 = oauth2
    }

    /// One backend per tenant of the registry, whatever its state, on the port of its
    /// `backend.baseURL` (80 or 443 by scheme when the URL names none).
    public static func backends(from registry: TenantRegistry) -> [SimulatedBackend] {
        registry.tenants.map { tenant in
            let url = URL(string: tenant.backend.baseURL)
            let port = url?.port ?? (url?.scheme == "https" ? 443 : 80)
            return SimulatedBackend(tenant: tenant.id, dialect: tenant.backend.dialect, port: port)
        }
    }
}

/// HTTPS for a simulated backend: the files are read when the simulator starts.
public struct SimulatedTLS: Sendable, Equatable {
    /// PEM file with the server certificate first, then any intermediates.
    public var certificateChainPath: String
    /// PEM file with the server certificate's private key.
    public var privateKeyPath: String
    /// When set, mutual TLS: clients must present a certificate signed by a CA in this PEM file.
    public var clientCAPath: String?

    public init(certificateChainPath: String, privateKeyPath: String, clientCAPath: String? = nil) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.clientCAPath = clientCAPath
    }
}

/// A tiny OAuth2 authorisation server on a simulated backend (client-credentials grant only).
public struct SimulatedOAuth2: Sendable, Equatable {
    public var clientID: String
    public var clientSecret: String
    /// `expires_in` of issued tokens; they are refused afterwards.
    public var tokenLifetimeSeconds: Int

    public init(clientID: String, clientSecret: String, tokenLifetimeSeconds: Int = 3_600) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
    }
}
