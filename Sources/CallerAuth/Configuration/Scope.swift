/// A kind of access a route requires. The scope name a token must carry for it is configured in
/// ``ScopeNames``.
public enum Scope: Sendable, Hashable, CaseIterable {
    /// Reading a citizen's dossier (overview, rights, trajectories, payments, debts, requests).
    case read
    /// Submitting on a citizen's behalf (a request for help, a certificate request).
    case submit
    /// Operator endpoints (tenant reload, routing feed administration).
    case admin
    /// A New Social installation writing the routing feed (registering its own dossiers).
    case routing
}

/// The scope names a token must carry for each ``Scope``.
///
/// No scope implies another: an admin token does not read dossiers, and a submit token does not
/// read them either, so each grant can be audited on its own.
public struct ScopeNames: Sendable, Hashable {
    /// Required for ``Scope/read``; `ocmw.dossier.read` in ``standard``.
    public var read: String
    /// Required for ``Scope/submit``; `ocmw.dossier.submit` in ``standard``.
    public var submit: String
    /// Required for ``Scope/admin``; `ocmw.admin` in ``standard``.
    public var admin: String
    /// Required for ``Scope/routing``; `ocmw.routing.write` in ``standard``.
    public var routing: String

    /// Creates a set of scope names.
    public init(read: String, submit: String, admin: String, routing: String = "ocmw.routing.write") {
        self.read = read
        self.submit = submit
        self.admin = admin
        self.routing = routing
    }

    /// `ocmw.dossier.read`, `ocmw.dossier.submit`, `ocmw.admin` and `ocmw.routing.write`.
    public static let standard = ScopeNames(
        read: "ocmw.dossier.read",
        submit: "ocmw.dossier.submit",
        admin: "ocmw.admin",
        routing: "ocmw.routing.write"
    )

    /// The scope name required for `scope`.
    public func name(for scope: Scope) -> String {
        switch scope {
        case .read: read
        case .submit: submit
        case .admin: admin
        case .routing: routing
        }
    }
}
