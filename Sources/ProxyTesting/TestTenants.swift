import OCMWCore

/// Tenant fixtures for tests: valid entries pointing at ports chosen at run time.
public enum TestTenants {
    /// A valid KBO number derived from a small seed, so every fixture tenant gets its own.
    public static func kbo(_ seed: Int) -> String {
        let firstEight = 2_120_000 + seed
        let check = 97 - firstEight % 97
        let digits = String(firstEight).leftPadded(to: 8) + String(check).leftPadded(to: 2)
        return digits
    }

    /// One tenant entry as an operator would write it, for a backend on `127.0.0.1:port`; the
    /// limits it leaves out are `patientLimits`.
    public static func entry(
        id: String, dialect: Dialect, port: Int, index: Int = 0,
        limits: TenantsDocument.LimitsEntry? = nil, state: TenantState = .active
    ) -> TenantsDocument.TenantEntry {
        TenantsDocument.TenantEntry(
            id: id, kbo: kbo(index), name: "OCMW \(id.capitalized)", postalCodes: ["9000"],
            backend: .init(
                baseURL: "http://127.0.0.1:\(port)", dialect: dialect.rawValue,
                credentials: ["env": "OCMW_\(id.uppercased().replacingOccurrences(of: "-", with: "_"))_API_KEY"]),
            limits: patient(limits),
            categoriesOfHelp: [.init(code: "LL", label: "Leefloon", citizenLabel: "mijn financiële situatie")],
            certificateTypes: [.init(code: "ATT-LL", label: "Attest leefloon")],
            state: state.rawValue,
            contact: .init(
                postalAddress: .init(streetAndNumber: "Sociaal Huis \(index + 1)", postalCode: "9000", municipality: "Gent"),
                email: "info@ocmw-\(id).be", phone: "09 266 99 0\(index % 10)"))
    }

    /// A validated registry for backends `(id, dialect, port)`, all with the same (patient) limits.
    public static func registry(
        _ backends: [(id: String, dialect: Dialect, port: Int)],
        limits: TenantsDocument.LimitsEntry? = nil
    ) throws -> TenantRegistry {
        let entries = backends.enumerated().map { index, backend in
            entry(id: backend.id, dialect: backend.dialect, port: backend.port, index: index, limits: limits)
        }
        return try TenantRegistry(validating: TenantsDocument(tenants: entries))
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

extension TestTenants {
    /// The API key a test backend expects for the environment variable its tenant entry names.
    public static func apiKey(forVariable name: String) -> String { "test-key-\(name.lowercased())" }

    /// The environment tests resolve backend credentials from: every variable has its test key.
    public static let environment: @Sendable (String) -> String? = { apiKey(forVariable: $0) }
}
