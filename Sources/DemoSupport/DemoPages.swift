/// What the citizen page of the demo needs: where the proxy's own public API listens and a
/// token to call it with. Only `ocmw-proxy demo` sets this (`ProxyApplication.demoPages`).
public struct DemoPages: Sendable {
    /// The public API's origin, e.g. `http://127.0.0.1:8080`; a fixed address, never taken from
    /// a request's Host header, so the page cannot be pointed elsewhere.
    public let apiOrigin: String
    /// A caller token with `ocmw.dossier.read`.
    public let token: @Sendable () async throws -> String

    public init(apiOrigin: String, token: @escaping @Sendable () async throws -> String) {
        self.apiOrigin = apiOrigin
        self.token = token
    }

    /// Where the citizen page lives: `/demo/citizens/{insz}`.
    package static let pathPrefix = "/demo/citizens/"

    /// The page's link for the API's certificate download path, or nil for any other path.
    package static func pageLink(forAPIPath path: String) -> String? {
        guard path.hasPrefix("/v1/citizens/") else { return nil }
        return pathPrefix + path.dropFirst("/v1/citizens/".count)
    }
}
