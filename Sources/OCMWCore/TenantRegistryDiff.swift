/// What replacing one tenants snapshot by another changes, tenant by tenant and field by field:
/// what `tenants diff OLD NEW` prints, so an operator sees what a reload would do before it does it.
public struct TenantRegistryDiff: Sendable, Equatable {
    /// One field whose value differs, both values as an operator would write them.
    public struct FieldChange: Sendable, Equatable {
        /// The field's path inside the tenant entry, e.g. `backend.baseURL` or `limits.maxInFlight`.
        public let field: String
        public let old: String
        public let new: String

        public init(field: String, old: String, new: String) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A tenant present in both snapshots whose configuration differs.
    public struct ChangedTenant: Sendable, Equatable {
        public let old: Tenant
        public let new: Tenant
        /// Every differing field, in the order of the tenant entry.
        public let fields: [FieldChange]

        /// Whether the tenant's runtime state (breaker, bulkhead, counters) starts afresh: the
        /// proxy keeps it only while the limits stay the same.
        public var resetsRuntimeState: Bool { old.limits != new.limits }
    }

    /// Tenants only in the new snapshot, in its file order.
    public let added: [Tenant]
    /// Tenants only in the old snapshot, in its file order.
    public let removed: [Tenant]
    /// Tenants in both whose configuration differs, in the new snapshot's file order.
    public let changed: [ChangedTenant]
    /// Tenants in both with exactly the same configuration.
    public let unchanged: [TenantID]

    /// Whether the two snapshots configure the same tenants identically.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares two snapshots by tenant id.
    public init(from old: TenantRegistry, to new: TenantRegistry) {
        added = new.tenants.filter { old.tenant($0.id) == nil }
        removed = old.tenants.filter { new.tenant($0.id) == nil }
        var changed: [ChangedTenant] = []
        var unchanged: [TenantID] = []
        for tenant in new.tenants {
            guard let before = old.tenant(tenant.id) else { continue }
            if before == tenant {
                unchanged.append(tenant.id)
            } else {
                changed.append(ChangedTenant(old: before, new: tenant, fields: Self.fieldChanges(before, tenant)))
            }
        }
        self.changed = changed
        self.unchanged = unchanged
    }

    static func fieldChanges(_ old: Tenant, _ new: Tenant) -> [FieldChange] {
        // The rendering lists the same fields in the same order for every tenant.
        let oldValues = Dictionary(TenantFieldRendering.fields(of: old), uniquingKeysWith: { first, _ in first })
        return TenantFieldRendering.fields(of: new).compactMap { field, value in
            let before = oldValues[field] ?? "none"
            return before == value ? nil : FieldChange(field: field, old: before, new: value)
        }
    }
}

/// A tenant as flat `(field path, value)` pairs, the same fields in the same order for every tenant.
enum TenantFieldRendering {
    static func fields(of tenant: Tenant) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("kbo", tenant.kbo.description),
            ("name", tenant.name),
            ("state", tenant.state.rawValue),
            ("weight", "\(tenant.weight)"),
            ("postalCodes", tenant.postalCodes.joined(separator: ", ")),
            ("backend.baseURL", tenant.backend.baseURL),
            ("backend.dialect", tenant.backend.dialect.rawValue),
            ("backend.credentials", describe(tenant.backend.credentials)),
            ("backend.auth", tenant.backend.auth.rawValue),
            ("backend.tls.caBundle", tenant.backend.tls?.caBundlePath ?? "none"),
            ("backend.tls.clientCertificate", tenant.backend.tls?.clientCertificate?.certificatePath ?? "none"),
            ("backend.tls.clientKey", tenant.backend.tls?.clientCertificate?.keyPath ?? "none"),
        ]
        // Every limit by its name in tenants.json, without listing them by hand: a new limit shows
        // up in the diff the day it is added.
        for child in Mirror(reflecting: tenant.limits).children {
            guard let label = child.label else { continue }
            fields.append(("limits.\(label)", describe(limitValue: child.value)))
        }
        fields.append(("categoriesOfHelp", describe(tenant.categoriesOfHelp)))
        fields.append(("certificateTypes", describe(tenant.certificateTypes)))
        return fields
    }

    private static func describe(_ secret: SecretReference) -> String {
        switch secret {
        case .environment(let name): "env \(name)"
        case .file(let path): "file \(path)"
        }
    }

    private static func describe(_ codes: [CodeLabel]) -> String {
        codes.isEmpty ? "none" : codes.map { "\($0.code) \($0.label)" }.joined(separator: "; ")
    }

    private static func describe(limitValue value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "none" }
            return describe(limitValue: wrapped)
        }
        if let double = value as? Double, double == double.rounded(), abs(double) < 1e15 {
            return String(Int(double))
        }
        return "\(value)"
    }
}
