extension CallerAuthError {
    /// The `WWW-Authenticate` header value for this refusal (RFC 6750 §3).
    ///
    /// A request without a token gets the bare challenge, as §3.1 asks; a bad token gets
    /// `error="invalid_token"`; a token without the needed scope gets `error="insufficient_scope"`
    /// with the `scope` it needed. All values come from fixed text or configuration, never from
    /// the request, so nothing needs escaping beyond the realm.
    /// - Parameter realm: The protection realm; `ocmw-proxy` by default.
    public func wwwAuthenticate(realm: String = "ocmw-proxy") -> String {
        var parts = ["realm=\"\(Self.quoted(realm))\""]
        switch code {
        case .missingToken:
            break
        case .missingScope:
            parts.append("error=\"insufficient_scope\"")
            parts.append("error_description=\"\(description)\"")
            if let requiredScope {
                parts.append("scope=\"\(Self.quoted(requiredScope))\"")
            }
        case .citizenMismatch:
            parts.append("error=\"insufficient_scope\"")
            parts.append("error_description=\"\(description)\"")
        default:
            parts.append("error=\"invalid_token\"")
            parts.append("error_description=\"\(description)\"")
        }
        return "Bearer " + parts.joined(separator: ", ")
    }

    /// RFC 6750 restricts these values to printable ASCII without `"` and `\`; drop anything
    /// else rather than produce a header a client cannot parse.
    private static func quoted(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" })
    }
}
