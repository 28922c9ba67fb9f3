import Foundation
import OCMWCore

/// Checks a signature-verified token's claims against the configuration at an injected `now`.
/// Pure: no keys, no clock, no I/O.
struct ClaimsValidator: Sendable {
    let configuration: CallerAuthConfiguration

    func validate(_ claims: ClaimSet, now: Date) throws(CallerAuthError) -> VerifiedCaller {
        guard claims["iss"]?.string == configuration.issuer else { throw .wrongIssuer }
        guard let audiences = claims["aud"]?.strings, audiences.contains(configuration.audience) else {
            throw .wrongAudience
        }

        let leeway = configuration.clockLeewaySeconds
        guard let exp = claims["exp"]?.number, exp.isFinite else { throw .missingExpiry }
        let expiresAt = Date(timeIntervalSince1970: exp)
        // RFC 7519 §4.1.4: valid only strictly before `exp`.
        guard now < expiresAt.addingTimeInterval(leeway) else { throw .expired }
        if let nbf = claims["nbf"] {
            guard let notBefore = nbf.number, notBefore.isFinite else { throw .malformedToken }
            guard now.addingTimeInterval(leeway) >= Date(timeIntervalSince1970: notBefore) else { throw .notYetValid }
        }

        let clientID = CallerAuthConfiguration.clientIDClaims.lazy
            .compactMap { claims[$0]?.string }
            .first { !$0.isEmpty }
        guard let clientID else { throw .missingClientID }

        return VerifiedCaller(
            clientID: clientID,
            scopes: try scopes(in: claims),
            citizenINSZ: try citizen(in: claims, now: now),
            expiresAt: expiresAt
        )
    }

    /// `scope` and `scp`, each a space-separated string or an array of strings, merged.
    private func scopes(in claims: ClaimSet) throws(CallerAuthError) -> Set<String> {
        var scopes = Set<String>()
        for name in CallerAuthConfiguration.scopeClaims {
            guard let value = claims[name] else { continue }
            guard let strings = value.strings else { throw .malformedToken }
            for string in strings {
                scopes.formUnion(string.split(separator: " ").map(String.init))
            }
        }
        return scopes
    }

    /// The bound citizen. A claim that is present but unusable (null, not a string, not a valid
    /// INSZ) rejects the token: treating it as absent would turn a broken token exchange into an
    /// unbound token, which may read every citizen.
    private func citizen(in claims: ClaimSet, now: Date) throws(CallerAuthError) -> INSZ? {
        guard let value = claims[configuration.citizenClaim] else { return nil }
        guard let text = value.string else { throw .invalidCitizenClaim }
        do {
            return try INSZ(parsing: text, currentYear: DayDate.inBelgium(at: now).year)
        } catch {
            throw .invalidCitizenClaim
        }
    }
}
