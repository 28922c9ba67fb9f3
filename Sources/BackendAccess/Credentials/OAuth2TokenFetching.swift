import CurlClient
import Foundation
import Logging
import OCMWCore

/// Obtains a bearer token with the OAuth2 client-credentials grant. Injectable, so the token
/// cache can be tested without a token endpoint.
public protocol OAuth2TokenFetching: Sendable {
    /// Asks the token endpoint of `credentials` for a new token on behalf of `tenant`.
    /// - Throws: `CredentialError` (`tokenRequestFailed`, `tokenResponseMalformed`).
    func fetchToken(_ credentials: OAuth2ClientCredentials, for tenant: Tenant) async throws(CredentialError) -> AccessToken
}

/// Fetches tokens through the proxy's curl client: `POST tokenURL` with a form body
/// (`grant_type=client_credentials`, `client_id`, `client_secret`, optional `scope`: the
/// "client_secret_post" method), the tenant's connect/total timeouts, and the tenant's
/// `backend.tls` (so a token endpoint under the OCMW's private CA or behind mutual TLS works).
public struct CurlOAuth2TokenFetcher: OAuth2TokenFetching {
    /// Used when the token endpoint does not say how long a token lasts.
    public static let defaultLifetime = Duration.seconds(300)

    private let client: CurlClient
    private let logger: Logger

    public init(client: CurlClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func fetchToken(_ credentials: OAuth2ClientCredentials, for tenant: Tenant) async throws(CredentialError) -> AccessToken {
        var form = [
            ("grant_type", "client_credentials"), ("client_id", credentials.clientID),
            ("client_secret", credentials.clientSecret),
        ]
        if let scope = credentials.scope { form.append(("scope", scope)) }
        let request = HTTPRequest(
            method: .post, url: credentials.tokenURL,
            headers: [
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                HTTPHeader("Accept", "application/json"),
            ],
            body: Array(FormEncoding.encode(form).utf8),
            connectTimeoutMs: tenant.limits.connectTimeoutMs, totalTimeoutMs: tenant.limits.totalTimeoutMs,
            maxResponseBytes: 64 << 10, tls: TLSOptions(backend: tenant.backend))
        let response: HTTPResponse
        do {
            response = try await client.execute(request)
        } catch {
            logger.warning("OAuth2 token request failed", metadata: ["tenant": "\(tenant.id)", "error": "\(error.kind.rawValue)"])
            throw .tokenRequestFailed("token endpoint \(credentials.tokenURL) not reachable: \(error.kind.rawValue)")
        }
        guard response.status == 200 else {
            let code = TokenResponse.errorCode(in: response.body).map { " (\($0))" } ?? ""
            logger.warning("OAuth2 token request refused", metadata: ["tenant": "\(tenant.id)", "status": "\(response.status)"])
            throw .tokenRequestFailed("token endpoint \(credentials.tokenURL) answered \(response.status)\(code)")
        }
        return try TokenResponse.parse(response.body, defaultLifetime: Self.defaultLifetime)
    }
}

/// The token endpoint's JSON answer (RFC 6749 §5.1 and §5.2).
package enum TokenResponse {
    /// The token of a 200 answer. `expires_in` may be a number or a numeric string.
    package static func parse(_ body: [UInt8], defaultLifetime: Duration) throws(CredentialError) -> AccessToken {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let value = object["access_token"] as? String, !value.isEmpty
        else {
            throw .tokenResponseMalformed("token endpoint answer has no access_token")
        }
        if let type = object["token_type"] as? String, type.lowercased() != "bearer" {
            throw .tokenResponseMalformed("token endpoint issued a '\(type.prefix(20))' token, not a bearer token")
        }
        guard value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .tokenResponseMalformed("access_token holds characters not allowed in a header")
        }
        let seconds = (object["expires_in"] as? NSNumber)?.intValue ?? (object["expires_in"] as? String).flatMap { Int($0) }
        let lifetime = seconds.map { Duration.seconds(max(1, $0)) } ?? defaultLifetime
        return AccessToken(value: value, lifetime: lifetime)
    }

    /// The `error` code of a refusal (`invalid_client`, …), if it looks like one.
    package static func errorCode(in body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let code = object["error"] as? String, code.count <= 40,
            code.unicodeScalars.allSatisfy({ CharacterSet.lowercaseLetters.contains($0) || $0 == "_" })
        else { return nil }
        return code
    }
}

/// `application/x-www-form-urlencoded` bodies.
package enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    package static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
