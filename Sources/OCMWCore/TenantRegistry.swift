/// An immutable, validated snapshot of all tenants. Built whole from a `TenantsDocument` or not
/// at all, so a bad file can never half-replace a good one.
public final class TenantRegistry: Sendable {
    /// All tenants, in file order.
    public let tenants: [Tenant]
    /// Tenants that receive citizen traffic (state `active`), in file order. Kept rather than
    /// filtered per call: every citizen request reads it, and there may be ~300 tenants.
    public let activeTenants: [Tenant]
    private let byID: [TenantID: Tenant]
    /// The document this snapshot was validated from: the next reload reuses the tenants whose
    /// entries did not change instead of validating them again.
    let document: TenantsDocument
    /// How many tenants were taken over from the previous snapshot without validating them again.
    public let reusedTenants: Int

    /// The tenant with this id, in any state.
    public func tenant(_ id: TenantID) -> Tenant? { byID[id] }

    /// Validates a document into a snapshot.
    /// - Throws: `TenantValidationErrors` listing every problem found, each naming tenant and field.
    public convenience init(validating document: TenantsDocument) throws(TenantValidationErrors) {
        try self.init(validating: document, reusing: nil)
    }

    /// Validates a document into a snapshot, taking over from `previous` every tenant whose entry
    /// is unchanged (same entry, same defaults): validation is a pure function of the two, so
    /// the result is the same as validating it again. The checks across tenants (duplicate ids
    /// and KBO numbers) run on every entry.
    /// - Throws: `TenantValidationErrors` listing every problem found, each naming tenant and field.
    public init(validating document: TenantsDocument, reusing previous: TenantRegistry?) throws(TenantValidationErrors) {
        var validator = TenantValidator(defaults: document.defaults)
        var known: [String: (entry: TenantsDocument.TenantEntry, tenant: Tenant)] = [:]
        if let previous, previous.document.defaults == document.defaults {
            // A valid snapshot has exactly one tenant per entry, in file order.
            for (entry, tenant) in zip(previous.document.tenants, previous.tenants) { known[entry.id] = (entry, tenant) }
        }
        let tenants = validator.validate(document.tenants) { entry in
            guard let candidate = known[entry.id], candidate.entry == entry else { return nil }
            return candidate.tenant
        }
        guard validator.problems.isEmpty else { throw TenantValidationErrors(problems: validator.problems) }
        self.tenants = tenants
        self.activeTenants = tenants.filter(\.receivesTraffic)
        self.byID = Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, $0) })
        self.document = document
        self.reusedTenants = validator.reused
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

extension TenantRegistry {
    /// The largest `maxConnections` of any tenant (32 without tenants): the cap of a connection
    /// pool shared by all of them.
    public var largestConnectionCap: Int { tenants.map(\.limits.maxConnections).max() ?? 32 }
}
