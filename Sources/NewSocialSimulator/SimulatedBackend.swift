import OCMWCore

import struct Foundation.URL

/// One simulated New Social installation: which OCMW, which dialect, which port.
public struct SimulatedBackend: Sendable, Equatable {
    /// The OCMW whose records this backend serves.
    public var tenant: TenantID
    /// The API dialect it speaks.
    public var dialect: Dialect
    /// The port to listen on; 0 picks a free one (see `NewSocialSimulator.start()`).
    public var port: Int

    /// A backend; port 0 (the default) for an ephemeral port.
    public init(tenant: TenantID, dialect: Dialect, port: Int = 0) {
        self.tenant = tenant
        self.dialect = dialect
        self.port = port
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
