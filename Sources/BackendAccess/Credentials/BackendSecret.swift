/// A tenant's secret as read from the environment or a file, parsed by `backend.auth`.
///
/// Every type that holds secret material here prints as redacted (`description`,
/// `debugDescription`, and no reflection children), so interpolating one into a log line or
/// dumping it never shows the secret.
public enum BackendSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The API key, sent as `X-Api-Key`.
    case apiKey(String)
    /// Client credentials for the OAuth2 client-credentials grant.
    case oauth2(OAuth2ClientCredentials)

    public var description: String {
        switch self {
        case .apiKey: "apiKey(<redacted>)"
        case .oauth2(let credentials): "oauth2(\(credentials))"
        }
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// The content of an OAuth2 secret: `{"tokenURL": "...", "clientID": "...", "clientSecret": "...",
/// "scope": "..."}` (`scope` optional).
public struct OAuth2ClientCredentials: Sendable, Equatable, Decodable,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// The token endpoint (`https://…` or `http://…`).
    public let tokenURL: String
    public let clientID: String
    public let clientSecret: String
    /// Space-separated scopes to ask for; `nil` asks for the client's default.
    public let scope: String?

    public init(tokenURL: String, clientID: String, clientSecret: String, scope: String? = nil) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
    }

    public var description: String {
        "OAuth2ClientCredentials(tokenURL: \(tokenURL), clientID: \(clientID), clientSecret: <redacted>)"
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// A bearer token from the token endpoint and when to stop using it.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The token itself, sent as `Authorization: Bearer …`.
    public let value: String
    /// `expires_in` as the token endpoint gave it (or the default when it gave none).
    public let lifetime: Duration

    public init(value: String, lifetime: Duration) {
        self.value = value
        self.lifetime = lifetime
    }

    public var description: String { "AccessToken(<redacted>, lifetime: \(lifetime))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
