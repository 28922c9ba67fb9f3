import OCMWCore

/// Collects every field problem of one form, so the caller can fix them all at once.
struct ProblemList {
    private(set) var items: [FieldProblem] = []
    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ message: String?) {
        if let message { items.append(FieldProblem(field: field, message: message)) }
    }

    /// The active tenant named by `ocmw`, or `nil` with a problem on `ocmw`.
    mutating func tenant(_ ocmw: String?, tenants: (TenantID) -> Tenant?) -> Tenant? {
        let text = FieldRules.trim(ocmw)
        guard !text.isEmpty else {
            add("ocmw", "is required")
            return nil
        }
        guard let id = TenantID(text), let tenant = tenants(id) else {
            add("ocmw", "is not a known OCMW")
            return nil
        }
        guard tenant.receivesTraffic else {
            add("ocmw", "does not accept submissions at the moment")
            return nil
        }
        return tenant
    }

    /// Validates an address; on problems the returned value is not used.
    mutating func address(_ address: HelpRequestForm.Address, field: String) -> PostalAddress {
        let (street, streetProblem) = FieldRules.line(address.street, maxLength: 200)
        add("\(field).street", streetProblem)
        let (postalCode, codeProblem) = FieldRules.line(address.postalCode, maxLength: 4)
        add(
            "\(field).postalCode",
            codeProblem.map { _ in "must be a Belgian postal code of 4 digits" }
                ?? FieldRules.postalCode(postalCode))
        let (municipality, municipalityProblem) = FieldRules.line(address.municipality, maxLength: 100)
        add("\(field).municipality", municipalityProblem)
        return PostalAddress(street: street, postalCode: postalCode, municipality: municipality)
    }

    /// Category codes known to the tenant (unchecked when the tenant is unknown), without duplicates.
    mutating func categories(_ codes: [String], known: [CodeLabel]?) -> [String] {
        guard !codes.isEmpty else {
            add("categories", "at least one category of help is required")
            return []
        }
        var seen: Set<String> = []
        var result: [String] = []
        for (index, code) in codes.enumerated() {
            if let known, !known.contains(where: { $0.code == code }) {
                add("categories[\(index)]", "is not a category of help of this OCMW")
            } else if seen.insert(code).inserted {
                result.append(code)
            }
        }
        return result
    }
}
