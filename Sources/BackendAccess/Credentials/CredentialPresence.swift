import OCMWCore

/// Whether every active tenant's secret is where its `backend.credentials` says, read as a call
/// would read it (the same store, so the same messages: the variable or file by name, never the
/// secret). `tenants validate`, the start of `serve` and every reload refuse a registry with a
/// problem here: taken into force, it would answer every read of that OCMW `unavailable`.
///
/// Only active tenants: an onboarding tenant is still being connected (its secret may come
/// later, `tenants check` says so), a suspended one is never called.
public enum CredentialPresence {
    /// One problem per active tenant whose secret is missing or not of the kind `backend.auth`
    /// says, with tenant and field named; empty when all are there.
    /// - Parameter environment: Looks up environment variables, as the proxy's calls will.
    public static func problems(
        in registry: TenantRegistry,
        environment: @escaping @Sendable (String) -> String? = BackendCredentials.processEnvironment
    ) -> [TenantValidationError] {
        let store = SecretStore(environment: environment)
        return registry.tenants.filter { $0.state == .active }.compactMap { tenant -> TenantValidationError? in
            do throws(CredentialError) {
                _ = try store.secret(for: tenant)
                return nil
            } catch {
                return TenantValidationError(
                    tenant: tenant.id.rawValue, field: "backend.credentials",
                    message: "\(error.detail) (an active tenant is called with it)")
            }
        }
    }
}
