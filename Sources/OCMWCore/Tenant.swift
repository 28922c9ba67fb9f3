/// A validated OCMW: every field typed, every limit resolved.
public struct Tenant: Sendable, Equatable, Identifiable {
    public let id: TenantID
    public let kbo: KBONumber
    public let name: String
    public let postalCodes: [String]
    public let backend: Backend
    public let limits: TenantLimits
    public let categoriesOfHelp: [CodeLabel]
    public let certificateTypes: [CodeLabel]
    public let state: TenantState
    /// How citizens reach the OCMW (its postal address, e-mail, phone), when configured.
    public let contact: OCMWContact?
    /// Weight in fair share at the door when the proxy is saturated (default 1).
    public let weight: Double

    /// Whether citizen traffic may be sent to this tenant.
    public var receivesTraffic: Bool { state == .active }

    public init(
        id: TenantID, kbo: KBONumber, name: String, postalCodes: [String], backend: Backend,
        limits: TenantLimits, categoriesOfHelp: [CodeLabel], certificateTypes: [CodeLabel],
        state: TenantState, weight: Double = 1, contact: OCMWContact? = nil
    ) {
        self.weight = weight
        self.contact = contact
        self.id = id
        self.kbo = kbo
        self.name = name
        self.postalCodes = postalCodes
        self.backend = backend
        self.limits = limits
        self.categoriesOfHelp = categoriesOfHelp
        self.certificateTypes = certificateTypes
        self.state = state
    }
}

/// A tenant's stable id: a lowercase slug such as `gent` or `sint-niklaas`.
public struct TenantID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// Accepts 2–63 characters of `a-z`, `0-9` and inner `-`.
    public init?(_ rawValue: String) {
        let allowed = rawValue.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
        guard allowed, (2...63).contains(rawValue.utf8.count),
            !rawValue.hasPrefix("-"), !rawValue.hasSuffix("-")
        else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
    public static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = TenantID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a tenant id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Lifecycle of a tenant: only `active` tenants receive citizen traffic; `onboarding` ones can be
/// checked by operators; `suspended` ones are kept in the file but receive nothing.
public enum TenantState: String, Sendable, CaseIterable, Codable {
    case active, onboarding, suspended
}

/// The New Social API dialect a backend speaks (see docs/newsocial-api.md).
public enum Dialect: String, Sendable, CaseIterable, Codable {
    /// Legacy: Dutch field names, amounts as `"2.721,96"`, dates `dd/MM/yyyy`.
    case v1
    /// camelCase, integer cents, ISO 8601 dates.
    case v2
}

/// Where a secret comes from. The secret itself never appears in `tenants.json`.
public enum SecretReference: Sendable, Equatable {
    case environment(name: String)
    case file(path: String)
}

/// A tenant's New Social installation.
public struct Backend: Sendable, Equatable {
    /// Scheme, host and port (and optional path prefix), without a trailing slash.
    public let baseURL: String
    public let dialect: Dialect
    /// Where the secret is; what it holds depends on `auth`.
    public let credentials: SecretReference
    /// How the secret is presented to the backend.
    public let auth: BackendAuth
    /// Trust and client certificate for an `https://` backend; `nil` trusts the system store.
    public let tls: BackendTLS?

    public init(
        baseURL: String, dialect: Dialect, credentials: SecretReference, auth: BackendAuth = .apiKey,
        tls: BackendTLS? = nil
    ) {
        self.baseURL = baseURL
        self.dialect = dialect
        self.credentials = credentials
        self.auth = auth
        self.tls = tls
    }
}

/// How the proxy authenticates to a backend, and so what the tenant's secret contains.
public enum BackendAuth: String, Sendable, Equatable, CaseIterable {
    /// The secret is the API key itself, sent as `X-Api-Key`.
    case apiKey
    /// The secret is a JSON object `{"tokenURL", "clientID", "clientSecret", "scope"?}`: a bearer
    /// token is fetched with the OAuth2 client-credentials grant and sent as `Authorization`.
    case oauth2
}

/// TLS toward one backend, as validated paths (the files are read only when connecting).
/// Peer verification is always on; there is no way to turn it off.
public struct BackendTLS: Sendable, Equatable {
    /// A client certificate with its private key, for mutual TLS: both or neither.
    public struct ClientCertificate: Sendable, Equatable {
        /// PEM file of the certificate (chain).
        public let certificatePath: String
        /// PEM file of its unencrypted private key.
        public let keyPath: String

        public init(certificatePath: String, keyPath: String) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
        }
    }

    /// PEM file of the CA certificates trusted for this backend; `nil` for the system store.
    public let caBundlePath: String?
    /// The certificate presented to the backend; `nil` for none.
    public let clientCertificate: ClientCertificate?

    public init(caBundlePath: String? = nil, clientCertificate: ClientCertificate? = nil) {
        self.caBundlePath = caBundlePath
        self.clientCertificate = clientCertificate
    }

    /// Every file named, for checks that they exist and are readable.
    public var paths: [(field: String, path: String)] {
        var paths: [(String, String)] = []
        if let caBundlePath { paths.append(("caBundle", caBundlePath)) }
        if let clientCertificate {
            paths.append(("clientCertificate", clientCertificate.certificatePath))
            paths.append(("clientKey", clientCertificate.keyPath))
        }
        return paths
    }
}

/// An entry of an OCMW's code table (category of help, certificate type).
public struct CodeLabel: Sendable, Equatable, Hashable, Codable {
    public let code: String
    public let label: String
    /// A category of help in the citizen's own words, as the portal's form offers it
    /// (`mijn financiële situatie`); `nil` for certificate types and where none is configured.
    public let citizenLabel: String?

    public init(code: String, label: String, citizenLabel: String? = nil) {
        self.code = code
        self.label = label
        self.citizenLabel = citizenLabel
    }

    /// The category every OCMW offers besides its own: the citizen describes their need in
    /// the request's free text, which is then required.
    public static let otherCategoryOfHelp = CodeLabel(code: "andere", label: "Andere", citizenLabel: "andere")
}

/// How citizens reach an OCMW, as the request summary shows it; each part is optional.
public struct OCMWContact: Sendable, Equatable, Hashable {
    public let postalAddress: PostalAddress?
    public let email: String?
    public let phone: String?

    public init(postalAddress: PostalAddress?, email: String?, phone: String?) {
        self.postalAddress = postalAddress
        self.email = email
        self.phone = phone
    }
}

/// A Belgian postal address: street and number as one text, postal code, municipality.
public struct PostalAddress: Sendable, Equatable, Hashable, Codable {
    public let streetAndNumber: String
    /// Kept as text: postal codes are labels, not numbers.
    public let postalCode: String
    public let municipality: String

    public init(streetAndNumber: String, postalCode: String, municipality: String) {
        self.streetAndNumber = streetAndNumber
        self.postalCode = postalCode
        self.municipality = municipality
    }
}
