import Crypto
import Foundation
import Synchronization

/// Browser sessions on the admin listener, for the status page: a browser cannot send a bearer
/// header from a bookmark, so an operator signs in once (with the admin token in a form, or with
/// a one-time link) and gets a cookie.
///
/// A session cookie is `<expiry>.<HMAC-SHA256 of the expiry under the admin token>`: nothing is
/// stored server-side, a restart keeps sessions valid, and a new admin token ends them all. It is
/// HttpOnly, SameSite=Strict and limited to `/admin`, and is accepted for reads (GET/HEAD) only,
/// so a forged cross-site POST (a reload) can never ride on it.
package final class AdminSessions: Sendable {
    package static let cookieName = "ocmw_admin_session"
    /// How long a session lasts.
    package let lifetime: Duration
    /// How long a one-time link may wait to be used.
    package let linkLifetime: Duration
    private let credential: AdminCredential
    /// Unused one-time link codes and when they expire. Bounded: the oldest goes first.
    private let links = Mutex<[String: Date]>([:])
    private static let maxOpenLinks = 64

    package init(credential: AdminCredential, lifetime: Duration = .seconds(8 * 3600), linkLifetime: Duration = .seconds(300)) {
        self.credential = credential
        self.lifetime = lifetime
        self.linkLifetime = linkLifetime
    }

    /// A new session's cookie value.
    package func newSession(now: Date = Date()) -> String {
        let expiry = Int(now.timeIntervalSince1970) + Int(lifetime.components.seconds)
        return "\(expiry).\(signature(expiry: expiry).base64URL)"
    }

    /// Whether `value` is a session cookie this proxy issued that has not expired.
    package func isValidSession(_ value: String, now: Date = Date()) -> Bool {
        let pieces = value.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, let expiry = Int(pieces[0]), expiry > Int(now.timeIntervalSince1970),
            let mac = Data(base64URL: String(pieces[1]))
        else { return false }
        return credential.key.withUnsafeBytes { token in
            HMAC<SHA256>.isValidAuthenticationCode(
                mac, authenticating: Self.message(expiry: expiry),
                using: SymmetricKey(data: Data(token)))
        }
    }

    /// A one-time sign-in code, valid for `linkLifetime`.
    package func newLinkCode(now: Date = Date()) -> String {
        let code = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64URL }
        links.withLock { links in
            links = links.filter { $0.value > now }
            if links.count >= Self.maxOpenLinks, let oldest = links.min(by: { $0.value < $1.value })?.key {
                links.removeValue(forKey: oldest)
            }
            links[code] = now.addingTimeInterval(TimeInterval(linkLifetime.components.seconds))
        }
        return code
    }

    /// Uses a one-time code: true once, for an unexpired code this proxy issued.
    package func redeem(linkCode: String, now: Date = Date()) -> Bool {
        links.withLock { links in
            guard let expiry = links.removeValue(forKey: linkCode) else { return false }
            return expiry > now
        }
    }

    /// Whether `presented` is the admin token itself.
    package func isAdminToken(_ presented: String) -> Bool { credential.matches(presented) }

    private func signature(expiry: Int) -> Data {
        credential.key.withUnsafeBytes { token in
            Data(HMAC<SHA256>.authenticationCode(for: Self.message(expiry: expiry), using: SymmetricKey(data: Data(token))))
        }
    }

    private static func message(expiry: Int) -> Data { Data("ocmw-proxy admin session|\(expiry)".utf8) }
}

extension Data {
    /// Base64url without padding: safe in a cookie value and a URL path.
    package var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
