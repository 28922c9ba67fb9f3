/// Where the run sends its traffic and its actions.
public struct LoadTarget: Sendable {
    /// The proxy's public base URL, e.g. `http://127.0.0.1:8080` (no trailing slash).
    public var proxyURL: String
    /// Bearer token with `ocmw.dossier.read` (and `ocmw.dossier.submit` for submissions).
    public var token: String
    /// The proxy's admin base URL, for reloads; `nil` makes reload actions fail visibly.
    public var adminURL: String?
    /// The admin API's bearer token.
    public var adminToken: String?
    /// The simulator's fault-injection admin base URL, for fault and heal actions.
    public var simulatorAdminURL: String?
    /// The tenants file the proxy reloads from, for onboarding (`activate`) actions.
    public var tenantsFile: String?

    /// A target; trailing slashes of the URLs are dropped.
    public init(
        proxyURL: String, token: String, adminURL: String? = nil, adminToken: String? = nil,
        simulatorAdminURL: String? = nil, tenantsFile: String? = nil
    ) {
        self.proxyURL = Self.trimmed(proxyURL)
        self.token = token
        self.adminURL = adminURL.map(Self.trimmed)
        self.adminToken = adminToken
        self.simulatorAdminURL = simulatorAdminURL.map(Self.trimmed)
        self.tenantsFile = tenantsFile
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
