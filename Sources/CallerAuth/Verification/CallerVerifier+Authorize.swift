import Foundation
public import OCMWCore

extension CallerVerifier {
    /// Checks that a verified caller may make a request.
    ///
    /// A token bound to a citizen may only touch that citizen's data; a token without the
    /// citizen claim is a trusted server-to-server caller and may name any citizen.
    /// - Parameters:
    ///   - caller: The verified caller.
    ///   - requiredScope: The kind of access the route needs.
    ///   - pathINSZ: The citizen the request is about, if any.
    /// - Throws: ``CallerAuthError/missingScope(_:)`` or ``CallerAuthError/citizenMismatch``,
    ///   both with status `.forbidden`.
    public func authorize(_ caller: VerifiedCaller, requiredScope: Scope, pathINSZ: INSZ?) throws(CallerAuthError) {
        let scopeName = configuration.scopeNames.name(for: requiredScope)
        guard caller.scopes.contains(scopeName) else { throw .missingScope(scopeName) }
        if let bound = caller.citizenINSZ, let pathINSZ, bound != pathINSZ {
            throw .citizenMismatch
        }
    }

    /// The token in an `Authorization` header value (`Bearer <token>`, scheme case-insensitive).
    /// - Parameter header: The header value, or `nil` when the request has none.
    /// - Throws: ``CallerAuthError/missingToken`` when there is no bearer token.
    public static func bearerToken(fromAuthorizationHeader header: String?) throws(CallerAuthError) -> String {
        guard let header else { throw .missingToken }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.prefix(7).lowercased() == "bearer " else { throw .missingToken }
        let token = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw .missingToken }
        return token
    }
}
