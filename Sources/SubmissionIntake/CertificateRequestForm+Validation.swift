import OCMWCore

extension CertificateRequestForm {
    /// Validates the form against the tenant it names.
    /// - Parameter tenants: looks a tenant up by id (e.g. `registry.tenant(_:)`).
    /// - Throws: `IntakeError` of kind `invalid` naming `ocmw` and/or `certificateType`.
    public func validated(tenants: (TenantID) -> Tenant?) throws(IntakeError) -> Validated<ValidatedCertificateRequest> {
        var problems = ProblemList()
        let tenant = problems.tenant(ocmw, tenants: tenants)
        let type = FieldRules.trim(certificateType)
        if type.isEmpty {
            problems.add("certificateType", "is required")
        } else if let tenant, !tenant.certificateTypes.contains(where: { $0.code == type }) {
            problems.add("certificateType", "is not a certificate type of this OCMW")
        }
        guard problems.isEmpty, let tenant else { throw .invalid(problems.items) }
        return Validated(value: ValidatedCertificateRequest(tenant: tenant.id, certificateType: type), warnings: [])
    }
}
