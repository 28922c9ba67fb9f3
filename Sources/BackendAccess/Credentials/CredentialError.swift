/// Why a tenant's backend credentials could not be produced. The backend call must then fail as
/// `unavailable` ("credentials not available"): it is never sent without credentials.
///
/// Never contains a secret: it names the environment variable, the file or the token URL only.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case secretMissing, secretMalformed, tokenRequestFailed, tokenResponseMalformed
    }

    private let code: Code
    /// What exactly is wrong, for operators' logs.
    public let detail: String

    private init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The environment variable is not set, or the file is missing, unreadable or empty.
    public static func secretMissing(_ detail: String) -> CredentialError { .init(.secretMissing, detail) }
    /// The secret is there but is not what `backend.auth` says it should be.
    public static func secretMalformed(_ detail: String) -> CredentialError { .init(.secretMalformed, detail) }
    /// The OAuth2 token endpoint could not be reached or refused the client.
    public static func tokenRequestFailed(_ detail: String) -> CredentialError { .init(.tokenRequestFailed, detail) }
    /// The OAuth2 token endpoint answered 200 with something that is not a usable token.
    public static func tokenResponseMalformed(_ detail: String) -> CredentialError { .init(.tokenResponseMalformed, detail) }

    /// Short and stable, usable as a metric label: `secretMissing`, `secretMalformed`,
    /// `tokenRequestFailed` or `tokenResponseMalformed`.
    public var label: String { code.rawValue }

    /// The reason to give for the failed part, the same for every cause.
    public static let unavailableReason = "credentials not available"

    public var description: String { "\(Self.unavailableReason) (\(label)): \(detail)" }
}
