/// The operators' file, `tenants.json`, as written: decoded with Codable, not yet validated.
///
/// Fields are kept as loose as JSON allows (strings, optionals) so that validation can report
/// every problem at once, naming tenant and field, instead of stopping at the first.
public struct TenantsDocument: Codable, Sendable, Equatable {
    /// Limits applied to every tenant that does not set its own.
    public var defaults: LimitsEntry?
    public var tenants: [TenantEntry]

    public init(defaults: LimitsEntry? = nil, tenants: [TenantEntry]) {
        self.defaults = defaults
        self.tenants = tenants
    }

    /// One OCMW as written in `tenants.json`.
    public struct TenantEntry: Codable, Sendable, Equatable {
        public var id: String
        public var kbo: String
        public var name: String
        public var postalCodes: [String]
        public var backend: BackendEntry
        public var limits: LimitsEntry?
        public var categoriesOfHelp: [CodeLabelEntry]
        public var certificateTypes: [CodeLabelEntry]
        public var state: String
        /// The tenant's weight in fair share at the door when the proxy is saturated (optional,
        /// 1 when left out): a tenant with weight 2 may hold twice the share of one with 1.
        public var weight: Double?
        /// How citizens reach the OCMW (optional): `postalAddress`, `email`, `phone`.
        public var contact: ContactEntry?

        public init(
            id: String, kbo: String, name: String, postalCodes: [String], backend: BackendEntry,
            limits: LimitsEntry? = nil, categoriesOfHelp: [CodeLabelEntry],
            certificateTypes: [CodeLabelEntry], state: String, weight: Double? = nil,
            contact: ContactEntry? = nil
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

    /// Where the tenant's New Social lives and how to authenticate to it.
    public struct BackendEntry: Codable, Sendable, Equatable {
        public var baseURL: String
        public var dialect: String
        /// Where the secret is, e.g. `{"env": "OCMW_GENT_API_KEY"}` or `{"file": "/run/secrets/gent"}`.
        /// Any other key (a secret written inline) is rejected by validation.
        public var credentials: [String: String]
        /// What the secret is: `"apiKey"` (the default: the key itself) or `"oauth2"` (a JSON object
        /// with `tokenURL`, `clientID`, `clientSecret` and optionally `scope`).
        public var auth: String?
        /// TLS files for an `https://` backend, absolute paths: `caBundle` (else the system store),
        /// and `clientCertificate` with `clientKey` (both or neither) for mutual TLS. A map, so that
        /// validation can reject unknown keys (a typo, or an attempt to turn verification off).
        public var tls: [String: String]?

        public init(
            baseURL: String, dialect: String, credentials: [String: String], auth: String? = nil,
            tls: [String: String]? = nil
        ) {
            self.baseURL = baseURL
            self.dialect = dialect
            self.credentials = credentials
            self.auth = auth
            self.tls = tls
        }
    }

    /// Per-tenant limits; every field optional, falling back to `defaults` then built-ins.
    /// `TenantLimits` documents each field and its built-in default.
    public struct LimitsEntry: Codable, Sendable, Equatable {
        public var connectTimeoutMs: Int?
        public var totalTimeoutMs: Int?
        public var maxInFlight: Int?
        public var maxResponseBytes: Int?
        public var queueSize: Int?
        public var queueTimeoutMs: Int?
        public var breakerFailureRate: Double?
        public var breakerSlowCallRate: Double?
        public var breakerSlowCallMs: Int?
        public var breakerMinimumCalls: Int?
        public var breakerWindowMs: Int?
        public var breakerOpenMs: Int?
        public var breakerHalfOpenCalls: Int?
        public var retryBudgetPercent: Double?
        public var retryMinConcurrency: Int?
        public var retryMaxAttempts: Int?
        public var retryBackoffBaseMs: Int?
        public var retryBackoffMaxMs: Int?
        public var rateLimitPerSecond: Double?
        public var rateLimitBurst: Int?
        public var maxConnections: Int?
        public var deliveryTimeoutMs: Int?

        public init(
            connectTimeoutMs: Int? = nil, totalTimeoutMs: Int? = nil,
            maxInFlight: Int? = nil, maxResponseBytes: Int? = nil,
            queueSize: Int? = nil, queueTimeoutMs: Int? = nil,
            breakerFailureRate: Double? = nil, breakerSlowCallRate: Double? = nil,
            breakerSlowCallMs: Int? = nil, breakerMinimumCalls: Int? = nil, breakerWindowMs: Int? = nil,
            breakerOpenMs: Int? = nil, breakerHalfOpenCalls: Int? = nil,
            retryBudgetPercent: Double? = nil, retryMinConcurrency: Int? = nil, retryMaxAttempts: Int? = nil,
            retryBackoffBaseMs: Int? = nil, retryBackoffMaxMs: Int? = nil,
            rateLimitPerSecond: Double? = nil, rateLimitBurst: Int? = nil, maxConnections: Int? = nil,
            deliveryTimeoutMs: Int? = nil
        ) {
            self.connectTimeoutMs = connectTimeoutMs
            self.totalTimeoutMs = totalTimeoutMs
            self.maxInFlight = maxInFlight
            self.maxResponseBytes = maxResponseBytes
            self.queueSize = queueSize
            self.queueTimeoutMs = queueTimeoutMs
            self.breakerFailureRate = breakerFailureRate
            self.breakerSlowCallRate = breakerSlowCallRate
            self.breakerSlowCallMs = breakerSlowCallMs
            self.breakerMinimumCalls = breakerMinimumCalls
            self.breakerWindowMs = breakerWindowMs
            self.breakerOpenMs = breakerOpenMs
            self.breakerHalfOpenCalls = breakerHalfOpenCalls
            self.retryBudgetPercent = retryBudgetPercent
            self.retryMinConcurrency = retryMinConcurrency
            self.retryMaxAttempts = retryMaxAttempts
            self.retryBackoffBaseMs = retryBackoffBaseMs
            self.retryBackoffMaxMs = retryBackoffMaxMs
            self.rateLimitPerSecond = rateLimitPerSecond
            self.rateLimitBurst = rateLimitBurst
            self.maxConnections = maxConnections
            self.deliveryTimeoutMs = deliveryTimeoutMs
        }
    }

    /// A code with its Dutch label, as the OCMW's code table has it.
    public struct CodeLabelEntry: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        /// Categories of help only: the citizen's wording of the portal's form
        /// (`huisvesting en energie`).
        public var citizenLabel: String?

        public init(code: String, label: String, citizenLabel: String? = nil) {
            self.code = code
            self.label = label
            self.citizenLabel = citizenLabel
        }
    }

    /// An OCMW's contact details as written; every field optional, at least one given.
    public struct ContactEntry: Codable, Sendable, Equatable {
        public var postalAddress: PostalAddressEntry?
        public var email: String?
        public var phone: String?

        public init(postalAddress: PostalAddressEntry? = nil, email: String? = nil, phone: String? = nil) {
            self.postalAddress = postalAddress
            self.email = email
            self.phone = phone
        }
    }

    /// A postal address as written: every field required.
    public struct PostalAddressEntry: Codable, Sendable, Equatable {
        public var streetAndNumber: String
        public var postalCode: String
        public var municipality: String

        public init(streetAndNumber: String, postalCode: String, municipality: String) {
            self.streetAndNumber = streetAndNumber
            self.postalCode = postalCode
            self.municipality = municipality
        }
    }
}
