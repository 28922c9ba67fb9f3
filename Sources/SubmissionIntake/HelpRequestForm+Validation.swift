import OCMWCore

extension HelpRequestForm {
    /// Validates the form against the tenant it names.
    /// - Parameters:
    ///   - tenants: looks a tenant up by id (e.g. `registry.tenant(_:)`).
    ///   - limits: for the maximum text length.
    /// - Returns: the validated request, with a `domicileOutsideMunicipality` warning when the
    ///   domicile's postal code is not one of the tenant's: the request is still valid.
    /// - Throws: `IntakeError` of kind `invalid` listing every problem, each naming its field.
    public func validated(
        tenants: (TenantID) -> Tenant?, limits: IntakeLimits = .default
    ) throws(IntakeError) -> Validated<ValidatedHelpRequest> {
        var problems = ProblemList()
        let tenant = problems.tenant(ocmw, tenants: tenants)
        let applicant = applicant ?? Applicant()
        let (lastName, lastNameProblem) = FieldRules.line(applicant.lastName, maxLength: 100)
        problems.add("applicant.lastName", lastNameProblem)
        let (firstName, firstNameProblem) = FieldRules.line(applicant.firstName, maxLength: 100)
        problems.add("applicant.firstName", firstNameProblem)
        let domicile = problems.address(applicant.domicile ?? Address(), field: "applicant.domicile")
        let residence = applicant.residence.map { problems.address($0, field: "applicant.residence") }
        let (email, emailProblem) = FieldRules.line(applicant.email, maxLength: 254)
        problems.add("applicant.email", emailProblem ?? FieldRules.email(email))
        if let confirmation = applicant.emailConfirmation,
            FieldRules.trim(confirmation).lowercased() != email.lowercased()
        {
            problems.add("applicant.emailConfirmation", "is not the same as applicant.email")
        }
        if let residence, residence.isSameAddress(as: domicile) {
            problems.add(
                "applicant.residence", "is the same as the domicile; leave it out when the citizen lives at the domicile")
        }
        let (phone, phoneProblem) = FieldRules.line(applicant.phone, maxLength: 40)
        problems.add("applicant.phone", phoneProblem ?? FieldRules.phone(phone))
        let categories = problems.categories(categories ?? [], known: tenant?.categoriesOfHelp)
        let text = FieldRules.trim(text)
        if categories.contains(CodeLabel.otherCategoryOfHelp.code), text.isEmpty {
            problems.add("text", "is required when the category 'andere' is chosen: describe the help asked for")
        } else if text.count > limits.maxTextCharacters {
            problems.add("text", "is longer than \(limits.maxTextCharacters) characters")
        } else if text.unicodeScalars.contains(where: { $0.value < 0x20 && !["\n", "\r", "\t"].contains($0) }) {
            problems.add("text", "contains control characters")
        }
        // Warned about as soon as the OCMW and the domicile's postal code are known, also beside
        // other problems: a check before sending shows both at once.
        var warnings: [SubmissionWarning] = []
        if let tenant, !problems.items.contains(where: { $0.field == "applicant.domicile.postalCode" }),
            !tenant.postalCodes.contains(domicile.postalCode)
        {
            warnings.append(.domicileOutside(tenant))
        }
        guard problems.isEmpty, let tenant else { throw .invalid(problems.items, warnings: warnings) }

        let request = ValidatedHelpRequest(
            tenant: tenant.id,
            applicant: ApplicantData(
                lastName: lastName, firstName: firstName, domicile: domicile,
                residence: residence, email: email, phone: phone),
            categories: categories, text: text)
        return Validated(value: request, warnings: warnings)
    }
}

extension SubmissionWarning {
    /// The wireframe's warning; the OCMW still accepts the request, so it says it goes anyway.
    static func domicileOutside(_ tenant: Tenant) -> SubmissionWarning {
        // Tenant names are "OCMW Gent"; the citizen is told the municipality.
        let municipality = tenant.name.hasPrefix("OCMW ") ? String(tenant.name.dropFirst(5)) : tenant.name
        return SubmissionWarning(
            code: "domicileOutsideMunicipality",
            message: "Opgelet, u woont niet in \(municipality). Uw aanvraag wordt toch naar \(tenant.name) verzonden.")
    }
}
