import Crypto
import Foundation
import Synchronization

/// Browser sessions on the admin listener, for the status page: a browser cannot send a bearer
/// header from a bookmark, so an operator signs in once (with the admin token in a form, or with
/// a one-time link) and gets a cookie.
///
/// A session cookie is 256 random bits; the proxy keeps the open sessions (the cookie's SHA-256
/// and its expiry) in memory, and only those are signed in. Signing out removes the session at
/// once, so a copy of the cookie is worthless from then on; a restart ends every session. At
/// most `maxOpenSessions` are open: a new one beyond that ends the one closest to expiry. The
/// cookie is HttpOnly, SameSite=Strict and limited to `/admin`, and is accepted for reads
/// (GET/HEAD) only, so a forged cross-site POST (a reload) can never ride on it.
package final class AdminSessions: Sendable {
    package static let cookieName = "ocmw_admin_session"
    /// Sessions open at once; operators are few, and the table must stay small whatever happens.
    package static let maxOpenSessions = 64
    /// How long a session lasts.
    package let lifetime: Duration
    /// How long a one-time link may wait to be used.
    package let linkLifetime: Duration
    private let credential: AdminCredential
    /// Open sessions: the SHA-256 of the cookie value (the value itself is kept nowhere) and
    /// when the session expires.
    private let sessions = Mutex<[Data: Date]>([:])
    /// Unused one-time link codes and when they expire. Bounded: the oldest goes first.
    private let links = Mutex<[String: Date]>([:])
    private static let maxOpenLinks = 64

    package init(credential: AdminCredential, lifetime: Duration = .seconds(8 * 3600), linkLifetime: Duration = .seconds(300)) {
        self.credential = credential
        self.lifetime = lifetime
        self.linkLifetime = linkLifetime
    }

    /// Opens a session; its cookie value.
    package func newSession(now: Date = Date()) -> String {
        let value = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64URL }
        let expiry = now.addingTimeInterval(TimeInterval(lifetime.components.seconds))
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value > now }
            if sessions.count >= Self.maxOpenSessions, let first = sessions.min(by: { $0.value < $1.value })?.key {
                sessions.removeValue(forKey: first)
            }
            sessions[Self.digest(value)] = expiry
        }
        return value
    }

    /// Whether `value` is the cookie of a session that is open: issued here, not signed out,
    /// not expired.
    package func isValidSession(_ value: String, now: Date = Date()) -> Bool {
        let key = Self.digest(value)
        return sessions.withLock { sessions in
            guard let expiry = sessions[key] else { return false }
            guard expiry > now else {
                sessions.removeValue(forKey: key)
                return false
            }
            return true
        }
    }

    /// Signs the session of cookie `value` out: from now on that cookie is refused. Unknown
    /// values are ignored.
    package func endSession(_ value: String) {
        let key = Self.digest(value)
        sessions.withLock { _ = $0.removeValue(forKey: key) }
    }

    /// Sessions open now (expired ones not yet swept included).
    package var openSessionCount: Int { sessions.withLock { $0.count } }

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

    /// The table's key for a cookie value: a digest, so a memory dump holds no usable cookie.
    private static func digest(_ value: String) -> Data { Data(SHA256.hash(data: Data(value.utf8))) }
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
