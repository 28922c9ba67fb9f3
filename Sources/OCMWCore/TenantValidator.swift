/// Collects every problem of a `TenantsDocument` while turning valid entries into `Tenant`s.
struct TenantValidator {
    private(set) var problems: [TenantValidationError] = []
    /// Entries taken over unchanged from the previous snapshot.
    private(set) var reused = 0
    private let defaults: TenantsDocument.LimitsEntry?
    /// The problems of `defaults` on their own (`field|message`), reported once under `defaults`.
    private var defaultProblems: Set<String> = []

    /// Keys that announce a secret written into the file instead of referenced.
    private static let allowedCredentialKeys: Set<String> = ["env", "file"]
    /// The keys of `backend.tls`; anything else (a typo, `"verify": "false"`) is rejected.
    private static let allowedTLSKeys: Set<String> = ["caBundle", "clientCertificate", "clientKey"]

    init(defaults: TenantsDocument.LimitsEntry?) {
        self.defaults = defaults
    }

    /// - Parameter unchanged: The already validated tenant for an entry that did not change, if any.
    mutating func validate(
        _ entries: [TenantsDocument.TenantEntry],
        unchanged: (TenantsDocument.TenantEntry) -> Tenant? = { _ in nil }
    ) -> [Tenant] {
        if let defaults { _ = limits(defaults, over: nil, tenant: nil, path: "defaults") }
        if entries.isEmpty { report(nil, "tenants", "the file lists no tenants") }
        var seenIDs: [String: Int] = [:]
        var seenKBO: [String: String] = [:]
        var tenants: [Tenant] = []
        for (index, entry) in entries.enumerated() {
            let label = entry.id.isEmpty ? "#\(index)" : entry.id
            if let first = seenIDs[entry.id] {
                report(label, "id", "tenant #\(index) has the same id as tenant #\(first); ids must be unique")
            } else {
                seenIDs[entry.id] = index
            }
            let previous = unchanged(entry)
            if previous != nil { reused += 1 }
            if let tenant = previous ?? validate(entry, label: label) {
                if let other = seenKBO[tenant.kbo.digits] {
                    report(label, "kbo", "KBO number \(tenant.kbo) is also used by tenant '\(other)'")
                }
                seenKBO[tenant.kbo.digits] = label
                tenants.append(tenant)
            }
        }
        return tenants
    }

    private mutating func validate(_ entry: TenantsDocument.TenantEntry, label: String) -> Tenant? {
        let problemsBefore = problems.count
        let id = TenantID(entry.id)
        if id == nil { report(label, "id", "must be a slug of 2-63 characters a-z, 0-9 and '-'") }
        let kbo = KBONumber(entry.kbo)
        if kbo == nil { report(label, "kbo", "'\(entry.kbo)' is not a valid KBO number (10 digits, mod-97 check)") }
        if entry.name.trimmingSpaces.isEmpty { report(label, "name", "must not be empty") }
        if entry.postalCodes.isEmpty { report(label, "postalCodes", "must list at least one postal code") }
        for (i, code) in entry.postalCodes.enumerated() where !Self.isBelgianPostalCode(code) {
            report(label, "postalCodes[\(i)]", "'\(code)' is not a Belgian postal code (4 digits, 1000-9999)")
        }
        let baseURL = validateBaseURL(entry.backend.baseURL, tenant: label)
        let dialect = Dialect(rawValue: entry.backend.dialect)
        if dialect == nil {
            let known = Dialect.allCases.map(\.rawValue).joined(separator: ", ")
            report(label, "backend.dialect", "unknown dialect '\(entry.backend.dialect)' (known: \(known))")
        }
        let credentials = validateCredentials(entry.backend.credentials, tenant: label)
        let auth = validateAuth(entry.backend.auth, tenant: label)
        let tls = validateTLS(entry.backend.tls, baseURL: baseURL, tenant: label)
        let limits = limits(entry.limits, over: defaults, tenant: label, path: "limits")
        let categories = codeTable(entry.categoriesOfHelp, tenant: label, field: "categoriesOfHelp")
        let certificates = codeTable(entry.certificateTypes, tenant: label, field: "certificateTypes")
        let contact = validateContact(entry.contact, tenant: label)
        let state = TenantState(rawValue: entry.state)
        if state == nil {
            let known = TenantState.allCases.map(\.rawValue).joined(separator: ", ")
            report(label, "state", "unknown state '\(entry.state)' (known: \(known))")
        }
        if let weight = entry.weight, !(weight.isFinite && weight >= Self.weightRange.lowerBound && weight <= Self.weightRange.upperBound) {
            report(label, "weight", "must be a number from \(Self.weightRange.lowerBound) to \(Self.weightRange.upperBound)")
        }
        guard problems.count == problemsBefore, let id, let kbo, let baseURL, let dialect, let credentials,
            let auth, let state
        else { return nil }
        return Tenant(
            id: id, kbo: kbo, name: entry.name, postalCodes: entry.postalCodes,
            backend: Backend(baseURL: baseURL, dialect: dialect, credentials: credentials, auth: auth, tls: tls),
            limits: limits, categoriesOfHelp: categories + [CodeLabel.otherCategoryOfHelp],
            certificateTypes: certificates, state: state, weight: entry.weight ?? 1, contact: contact)
    }

    /// The weights fair share accepts: a tenant may count for at most a hundred times another.
    static let weightRange: ClosedRange<Double> = 0.1...10

    /// Resolves a limits object over the file's defaults. Only an object the tenant wrote itself
    /// is checked: problems in `defaults` are reported once, under `defaults`, not per tenant.
    private mutating func limits(
        _ entry: TenantsDocument.LimitsEntry?, over defaults: TenantsDocument.LimitsEntry?,
        tenant: String?, path: String
    ) -> TenantLimits {
        let (limits, problems) = TenantLimits.resolve([entry, defaults].compactMap { $0 })
        guard let entry else { return limits }
        if tenant == nil {
            defaultProblems = Set(problems.map { "\($0.field)|\($0.message)" })
        }
        for problem in problems {
            // A default's problem that this tenant only inherits (it does not set the field) is
            // the default's: reported once, under `defaults`, not again for every tenant.
            if tenant != nil, defaultProblems.contains("\(problem.field)|\(problem.message)"), !Self.sets(entry, problem.field) {
                continue
            }
            report(tenant, "\(path).\(problem.field)", problem.message)
        }
        return limits
    }

    /// Whether a limits object gives `field` a value itself (rather than inheriting it).
    private static func sets(_ entry: TenantsDocument.LimitsEntry, _ field: String) -> Bool {
        Mirror(reflecting: entry).children.contains { child in
            guard child.label == field else { return false }
            let value = Mirror(reflecting: child.value)
            return value.displayStyle != .optional || !value.children.isEmpty
        }
    }

    private mutating func validateBaseURL(_ text: String, tenant: String) -> String? {
        let lower = text.lowercased()
        let scheme = lower.hasPrefix("https://") ? "https://" : lower.hasPrefix("http://") ? "http://" : nil
        guard let scheme else {
            report(tenant, "backend.baseURL", "'\(text)' must start with http:// or https://")
            return nil
        }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let invalid =
            authority.isEmpty || authority.contains(where: { $0 == " " || $0 == "@" })
            || rest.contains("?") || rest.contains("#")
        if invalid {
            report(tenant, "backend.baseURL", "'\(text)' must be scheme://host[:port][/path] without credentials, query or fragment")
            return nil
        }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            guard let number = Int(port), (1...65_535).contains(number) else {
                report(tenant, "backend.baseURL", "'\(text)' has an invalid port")
                return nil
            }
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    private mutating func validateCredentials(_ entry: [String: String], tenant: String) -> SecretReference? {
        let inlined = entry.keys.filter { !Self.allowedCredentialKeys.contains($0) }.sorted()
        if !inlined.isEmpty {
            report(
                tenant, "backend.credentials",
                "secrets must not be written in tenants.json (found \(inlined.joined(separator: ", "))); name an environment variable ('env') or a file ('file')"
            )
            return nil
        }
        switch (entry["env"], entry["file"]) {
        case let (name?, nil):
            guard Self.isEnvironmentVariableName(name) else {
                report(tenant, "backend.credentials.env", "'\(name)' is not an environment variable name ([A-Z_][A-Z0-9_]*)")
                return nil
            }
            return .environment(name: name)
        case let (nil, path?):
            guard path.hasPrefix("/") else {
                report(tenant, "backend.credentials.file", "must be an absolute path")
                return nil
            }
            return .file(path: path)
        default:
            report(tenant, "backend.credentials", "must name exactly one of 'env' or 'file'")
            return nil
        }
    }

    private mutating func validateAuth(_ text: String?, tenant: String) -> BackendAuth? {
        guard let text else { return .apiKey }
        guard let auth = BackendAuth(rawValue: text) else {
            let known = BackendAuth.allCases.map(\.rawValue).joined(separator: ", ")
            report(tenant, "backend.auth", "unknown authentication '\(text)' (known: \(known))")
            return nil
        }
        return auth
    }

    /// Checks the paths' form only: the files are read when connecting (and by `tenants check`),
    /// since the file may be validated on another machine than the one that serves it.
    private mutating func validateTLS(_ entry: [String: String]?, baseURL: String?, tenant: String) -> BackendTLS? {
        guard let entry else { return nil }
        let unknown = entry.keys.filter { !Self.allowedTLSKeys.contains($0) }.sorted()
        if !unknown.isEmpty {
            report(
                tenant, "backend.tls",
                "unknown keys \(unknown.joined(separator: ", ")) (known: caBundle, clientCertificate, clientKey; certificate verification cannot be turned off)"
            )
        }
        if let baseURL, !baseURL.lowercased().hasPrefix("https://") {
            report(tenant, "backend.tls", "applies only to an https:// baseURL")
        }
        for key in Self.allowedTLSKeys.sorted() {
            guard let path = entry[key] else { continue }
            if !path.hasPrefix("/") { report(tenant, "backend.tls.\(key)", "must be an absolute path") }
        }
        let certificate = entry["clientCertificate"], key = entry["clientKey"]
        if (certificate == nil) != (key == nil) {
            let missing = certificate == nil ? "clientCertificate" : "clientKey"
            report(tenant, "backend.tls.\(missing)", "clientCertificate and clientKey go together: give both or neither")
        }
        var client: BackendTLS.ClientCertificate?
        if let certificate, let key { client = BackendTLS.ClientCertificate(certificatePath: certificate, keyPath: key) }
        return BackendTLS(caBundlePath: entry["caBundle"], clientCertificate: client)
    }

    /// Checks a code table. Categories of help may carry the citizen's wording, and may not use
    /// the code `andere`: the proxy adds that category to every OCMW itself.
    private mutating func codeTable(_ entries: [TenantsDocument.CodeLabelEntry], tenant: String, field: String) -> [CodeLabel] {
        let isCategories = field == "categoriesOfHelp"
        var seen: Set<String> = []
        for (i, entry) in entries.enumerated() {
            if entry.code.trimmingSpaces.isEmpty { report(tenant, "\(field)[\(i)].code", "must not be empty") }
            if entry.label.trimmingSpaces.isEmpty { report(tenant, "\(field)[\(i)].label", "must not be empty") }
            if !seen.insert(entry.code).inserted { report(tenant, "\(field)[\(i)].code", "duplicate code '\(entry.code)'") }
            if isCategories, entry.code == CodeLabel.otherCategoryOfHelp.code {
                report(tenant, "\(field)[\(i)].code", "'andere' is reserved: every OCMW offers it without configuring it")
            }
            if let citizenLabel = entry.citizenLabel {
                if !isCategories {
                    report(tenant, "\(field)[\(i)].citizenLabel", "applies only to categoriesOfHelp")
                } else if citizenLabel.trimmingSpaces.isEmpty || citizenLabel.count > 100 {
                    report(tenant, "\(field)[\(i)].citizenLabel", "must be 1 to 100 characters")
                }
            }
        }
        return entries.map { CodeLabel(code: $0.code, label: $0.label, citizenLabel: $0.citizenLabel) }
    }

    /// The OCMW's contact details: at least one part, an address complete and Belgian, an
    /// e-mail and a phone of the shapes the help-request form accepts from citizens.
    private mutating func validateContact(_ entry: TenantsDocument.ContactEntry?, tenant: String) -> OCMWContact? {
        guard let entry else { return nil }
        let before = problems.count
        if entry.postalAddress == nil, entry.email == nil, entry.phone == nil {
            report(tenant, "contact", "give at least one of postalAddress, email, phone (or leave contact out)")
        }
        var address: PostalAddress?
        if let given = entry.postalAddress {
            if given.streetAndNumber.trimmingSpaces.isEmpty {
                report(tenant, "contact.postalAddress.streetAndNumber", "must not be empty")
            }
            if given.municipality.trimmingSpaces.isEmpty {
                report(tenant, "contact.postalAddress.municipality", "must not be empty")
            }
            if !Self.isBelgianPostalCode(given.postalCode) {
                report(
                    tenant, "contact.postalAddress.postalCode", "'\(given.postalCode)' is not a Belgian postal code (4 digits, 1000-9999)")
            }
            address = PostalAddress(
                streetAndNumber: String(given.streetAndNumber.trimmingSpaces), postalCode: given.postalCode,
                municipality: String(given.municipality.trimmingSpaces))
        }
        if let email = entry.email, let problem = ContactShape.email(email) {
            report(tenant, "contact.email", problem)
        }
        if let phone = entry.phone, let problem = ContactShape.phone(phone) {
            report(tenant, "contact.phone", problem)
        }
        guard problems.count == before else { return nil }
        return OCMWContact(postalAddress: address, email: entry.email, phone: entry.phone)
    }

    private mutating func report(_ tenant: String?, _ field: String, _ message: String) {
        problems.append(TenantValidationError(tenant: tenant, field: field, message: message))
    }

    private static func isBelgianPostalCode(_ code: String) -> Bool {
        code.utf8.count == 4 && code.utf8.allSatisfy { (48...57).contains($0) } && !code.hasPrefix("0")
    }

    private static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == 95 || (65...90).contains(first) else { return false }
        return name.utf8.allSatisfy { $0 == 95 || (65...90).contains($0) || (48...57).contains($0) }
    }
}

extension String {
    var trimmingSpaces: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
