/// An immutable, validated snapshot of all tenants. Built whole from a `TenantsDocument` or not
/// at all, so a bad file can never half-replace a good one.
public final class TenantRegistry: Sendable {
    /// All tenants, in file order.
    public let tenants: [Tenant]
    private let byID: [TenantID: Tenant]

    /// Tenants that receive citizen traffic (state `active`).
    public var activeTenants: [Tenant] { tenants.filter(\.receivesTraffic) }

    /// The tenant with this id, in any state.
    public func tenant(_ id: TenantID) -> Tenant? { byID[id] }

    /// Validates a document into a snapshot.
    /// - Throws: `TenantValidationErrors` listing every problem found, each naming tenant and field.
    public init(validating document: TenantsDocument) throws(TenantValidationErrors) {
        var validator = TenantValidator(defaults: document.defaults)
        let tenants = validator.validate(document.tenants)
        guard validator.problems.isEmpty else { throw TenantValidationErrors(problems: validator.problems) }
        self.tenants = tenants
        self.byID = Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, $0) })
    }
}

/// One problem in `tenants.json`: which tenant, which field, what is wrong.
public struct TenantValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The tenant's id as written, or `#N` (its position) when the id itself is unusable.
    public let tenant: String?
    /// The field's path inside the tenant entry, e.g. `backend.baseURL`.
    public let field: String
    public let message: String

    public init(tenant: String?, field: String, message: String) {
        self.tenant = tenant
        self.field = field
        self.message = message
    }

    public var description: String {
        if let tenant { return "tenant '\(tenant)', field '\(field)': \(message)" }
        return "field '\(field)': \(message)"
    }
}

/// Every problem found in one document; non-empty.
public struct TenantValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [TenantValidationError]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
