import Foundation
import OCMWCore
import Testing

@Suite("tenants.json validation")
struct TenantRegistryTests {
    /// The repository's `tenants.json`, three levels above this file.
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tenants.json")

    @Test("The shipped tenants.json validates, with Gent and Bonheiden among at least five tenants")
    func shippedFileValidates() throws {
        let registry = try TenantRegistry(jsonData: Data(contentsOf: Self.shippedFile))
        #expect(registry.tenants.count >= 5)
        let gentID = try #require(TenantID("gent"))
        let bonheidenID = try #require(TenantID("bonheiden"))
        let gent = try #require(registry.tenant(gentID))
        let bonheiden = try #require(registry.tenant(bonheidenID))
        #expect(gent.kbo.description == "0212.214.125")
        #expect(gent.backend.dialect == .v2)
        #expect(bonheiden.backend.dialect == .v1)
        #expect(gent.receivesTraffic)
        // Gent overrides two limits and inherits the file's defaults for the others.
        #expect(
            gent.limits
                == TenantLimits(
                    connectTimeoutMs: 500, totalTimeoutMs: 2500, maxInFlight: 128,
                    maxResponseBytes: 2_097_152))
        #expect(registry.activeTenants.allSatisfy { $0.state == .active })
        // Every demo OCMW has its contact details and the wireframe's wording, and `andere` last.
        #expect(registry.tenants.allSatisfy { $0.contact?.postalAddress != nil && $0.contact?.email != nil })
        #expect(gent.contact?.phone == "09 266 99 00")
        #expect(gent.categoriesOfHelp.first { $0.code == "HV" }?.citizenLabel == "huisvesting en energie")
        #expect(registry.tenants.allSatisfy { $0.categoriesOfHelp.last == .otherCategoryOfHelp })
    }

    @Test("A tenant in onboarding is kept but receives no traffic")
    func onboardingTenantIsNotActive() throws {
        var document = Self.validDocument
        document.tenants[1].state = "onboarding"
        let registry = try TenantRegistry(validating: document)
        #expect(registry.tenants.count == 2)
        #expect(registry.activeTenants.map(\.id.rawValue) == ["gent"])
    }

    @Test("The base document of the broken-document table is itself valid")
    func baseDocumentIsValid() throws {
        let registry = try TenantRegistry(validating: Self.validDocument)
        #expect(registry.tenants.map(\.id.rawValue) == ["gent", "bonheiden"])
        #expect(registry.tenants[0].backend.credentials == .environment(name: "OCMW_GENT_API_KEY"))
        #expect(registry.tenants[1].backend.credentials == .file(path: "/run/secrets/bonheiden"))
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let scenario: String
        let tenant: String
        let field: String
        let breakIt: @Sendable (inout TenantsDocument) -> Void
        var testDescription: String { scenario }
    }

    static let brokenDocuments: [Broken] = [
        .init(scenario: "duplicate id", tenant: "gent", field: "id") { $0.tenants[1].id = "gent" },
        .init(scenario: "id that is not a slug", tenant: "Gent!", field: "id") { $0.tenants[0].id = "Gent!" },
        .init(scenario: "KBO with a wrong check digit", tenant: "gent", field: "kbo") { $0.tenants[0].kbo = "0212.214.126" },
        .init(scenario: "KBO used by two tenants", tenant: "bonheiden", field: "kbo") { $0.tenants[1].kbo = "0212214125" },
        .init(scenario: "unknown dialect", tenant: "bonheiden", field: "backend.dialect") { $0.tenants[1].backend.dialect = "v3" },
        .init(scenario: "base URL without scheme", tenant: "gent", field: "backend.baseURL") {
            $0.tenants[0].backend.baseURL = "127.0.0.1:9101"
        },
        .init(scenario: "base URL with a query", tenant: "gent", field: "backend.baseURL") {
            $0.tenants[0].backend.baseURL = "http://127.0.0.1:9101/api?x=1"
        },
        .init(scenario: "base URL with a port out of range", tenant: "gent", field: "backend.baseURL") {
            $0.tenants[0].backend.baseURL = "http://127.0.0.1:99999"
        },
        .init(scenario: "base URL with a port that is not a number", tenant: "gent", field: "backend.baseURL") {
            $0.tenants[0].backend.baseURL = "http://127.0.0.1:http"
        },
        .init(scenario: "base URL with user info", tenant: "gent", field: "backend.baseURL") {
            $0.tenants[0].backend.baseURL = "https://user:pass@ns.gent.be"
        },
        .init(scenario: "secret written into credentials", tenant: "gent", field: "backend.credentials") {
            $0.tenants[0].backend.credentials = ["apiKey": "s3cr3t-k3y-value"]
        },
        .init(scenario: "credentials naming both env and file", tenant: "gent", field: "backend.credentials") {
            $0.tenants[0].backend.credentials = ["env": "OCMW_GENT_API_KEY", "file": "/run/secrets/gent"]
        },
        .init(scenario: "credentials file with a relative path", tenant: "bonheiden", field: "backend.credentials.file") {
            $0.tenants[1].backend.credentials = ["file": "secrets/bonheiden"]
        },
        .init(scenario: "unknown state", tenant: "gent", field: "state") { $0.tenants[0].state = "paused" },
        .init(scenario: "empty postal codes", tenant: "bonheiden", field: "postalCodes") { $0.tenants[1].postalCodes = [] },
        .init(scenario: "postal code of 3 digits", tenant: "bonheiden", field: "postalCodes[0]") { $0.tenants[1].postalCodes = ["282"] },
        .init(scenario: "connect timeout above total timeout", tenant: "gent", field: "limits.connectTimeoutMs") {
            $0.tenants[0].limits = .init(connectTimeoutMs: 3_000, totalTimeoutMs: 2_000)
        },
        .init(scenario: "duplicate code in the catalogue", tenant: "gent", field: "categoriesOfHelp[1].code") {
            $0.tenants[0].categoriesOfHelp.append(.init(code: "LL", label: "Leefloon bis"))
        },
        .init(scenario: "unknown authentication", tenant: "bonheiden", field: "backend.auth") {
            $0.tenants[1].backend.auth = "basic"
        },
        .init(scenario: "TLS settings on an http:// backend", tenant: "gent", field: "backend.tls") {
            $0.tenants[0].backend.tls = ["caBundle": "/etc/ocmw/gent-ca.pem"]
        },
        .init(scenario: "TLS CA bundle with a relative path", tenant: "bonheiden", field: "backend.tls.caBundle") {
            $0.tenants[1].backend.tls = ["caBundle": "certs/ca.pem"]
        },
        .init(scenario: "client certificate without its key", tenant: "bonheiden", field: "backend.tls.clientKey") {
            $0.tenants[1].backend.tls = ["clientCertificate": "/etc/ocmw/bonheiden.pem"]
        },
        .init(scenario: "client key without its certificate", tenant: "bonheiden", field: "backend.tls.clientCertificate") {
            $0.tenants[1].backend.tls = ["clientKey": "/etc/ocmw/bonheiden.key"]
        },
        .init(scenario: "an attempt to turn certificate verification off", tenant: "bonheiden", field: "backend.tls") {
            $0.tenants[1].backend.tls = ["verifyPeer": "false"]
        },
        .init(scenario: "a fair-share weight of 0", tenant: "gent", field: "weight") { $0.tenants[0].weight = 0 },
        .init(scenario: "a fair-share weight above 10", tenant: "bonheiden", field: "weight") { $0.tenants[1].weight = 11 },
        .init(scenario: "a fair-share weight that is not a number", tenant: "gent", field: "weight") { $0.tenants[0].weight = .nan },
        .init(scenario: "a contact e-mail without a domain", tenant: "gent", field: "contact.email") {
            $0.tenants[0].contact = .init(email: "info@gent")
        },
        .init(scenario: "a contact phone with letters", tenant: "gent", field: "contact.phone") {
            $0.tenants[0].contact = .init(phone: "09 CALL GENT")
        },
        .init(scenario: "a contact address with a foreign postal code", tenant: "bonheiden", field: "contact.postalAddress.postalCode") {
            $0.tenants[1].contact = .init(
                postalAddress: .init(streetAndNumber: "Dorpsstraat 12", postalCode: "02820", municipality: "Bonheiden"))
        },
        .init(scenario: "an empty contact", tenant: "gent", field: "contact") { $0.tenants[0].contact = .init() },
        .init(scenario: "a category of help coded 'andere'", tenant: "gent", field: "categoriesOfHelp[1].code") {
            $0.tenants[0].categoriesOfHelp.append(.init(code: "andere", label: "Andere hulp"))
        },
        .init(scenario: "a citizen's wording on a certificate type", tenant: "gent", field: "certificateTypes[0].citizenLabel") {
            $0.tenants[0].certificateTypes[0].citizenLabel = "mijn attest"
        },
    ]

    @Test("A tenant's fair-share weight is 1 unless the file gives one")
    func weight() throws {
        var document = Self.validDocument
        document.tenants[1].weight = 2.5
        let registry = try TenantRegistry(validating: document)
        #expect(registry.tenants.map(\.weight) == [1, 2.5])
    }

    @Test("A broken document is rejected with exactly one problem naming tenant and field", arguments: brokenDocuments)
    func brokenDocumentIsRejected(_ broken: Broken) {
        var document = Self.validDocument
        broken.breakIt(&document)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        let problems = errors?.problems ?? []
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.tenant == broken.tenant)
        #expect(problems.first?.field == broken.field)
    }

    @Test("Backend TLS and authentication are resolved; without them: system trust store and an API key")
    func backendTLSAndAuthAreResolved() throws {
        var document = Self.validDocument
        document.tenants[1].backend.auth = "oauth2"
        document.tenants[1].backend.tls = [
            "caBundle": "/etc/ocmw/ca.pem", "clientCertificate": "/etc/ocmw/b.pem",
            "clientKey": "/etc/ocmw/b.key",
        ]
        let registry = try TenantRegistry(validating: document)
        #expect(registry.tenants[0].backend.auth == .apiKey)
        #expect(registry.tenants[0].backend.tls == nil)
        #expect(registry.tenants[1].backend.auth == .oauth2)
        #expect(
            registry.tenants[1].backend.tls
                == BackendTLS(
                    caBundlePath: "/etc/ocmw/ca.pem",
                    clientCertificate: .init(certificatePath: "/etc/ocmw/b.pem", keyPath: "/etc/ocmw/b.key")))
        #expect(registry.tenants[1].backend.tls?.paths.map(\.field) == ["caBundle", "clientCertificate", "clientKey"])
    }

    @Test("TLS files are not read at validation: a file that does not exist here still validates")
    func tlsFilesAreNotReadAtValidation() throws {
        let json = #"""
            {"tenants": [{"id": "gent", "kbo": "0212.214.125", "name": "OCMW Gent", "postalCodes": ["9000"],
              "backend": {"baseURL": "https://ns.gent.be", "dialect": "v2", "credentials": {"file": "/run/secrets/gent"},
                          "auth": "oauth2", "tls": {"caBundle": "/nonexistent/gent-ca.pem"}},
              "categoriesOfHelp": [], "certificateTypes": [], "state": "active"}]}
            """#
        let registry = try TenantRegistry(jsonData: Data(json.utf8))
        #expect(registry.tenants.first?.backend.tls == BackendTLS(caBundlePath: "/nonexistent/gent-ca.pem"))
        #expect(registry.tenants.first?.backend.auth == .oauth2)
    }

    @Test("An inlined secret is never repeated in the validation message")
    func inlinedSecretIsNotEchoed() {
        var document = Self.validDocument
        document.tenants[0].backend.credentials = ["apiKey": "s3cr3t-k3y-value"]
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        #expect(errors.map { !$0.description.contains("s3cr3t-k3y-value") } == true)
    }

    @Test("A document with several problems reports all of them, not only the first")
    func reportsEveryProblem() {
        var document = Self.validDocument
        document.tenants[0].kbo = "0212.214.126"
        document.tenants[0].backend.dialect = "v9"
        document.tenants[1].postalCodes = []
        document.tenants[1].state = "paused"
        document.tenants[1].limits = .init(connectTimeoutMs: 5_000, totalTimeoutMs: 1_000)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        let found = Set((errors?.problems ?? []).map { "\($0.tenant ?? "-") \($0.field)" })
        #expect(
            found == [
                "gent kbo", "gent backend.dialect",
                "bonheiden postalCodes", "bonheiden state", "bonheiden limits.connectTimeoutMs",
            ])
    }

    @Test(
        "Broken JSON is reported at the path where it breaks",
        arguments: [
            (#"{"tenants": [{"id": "gent""#, "$"),
            (#"not json at all"#, "$"),
            (#"{"tenants": [{"id": "gent", "name": "OCMW Gent"}]}"#, "tenants[0].kbo"),
            (#"{"tenants": "gent"}"#, "tenants"),
            (#"{}"#, "tenants"),
        ])
    func brokenJSONNamesPath(_ json: String, path: String) {
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        #expect(errors?.problems.count == 1)
        #expect(errors?.problems.first?.field == path)
    }

    @Test("Misspelt and unknown fields are rejected with their path, tenant and the nearest known field")
    func unknownFieldsAreRejected() throws {
        var json = try String(contentsOf: Self.shippedFile, encoding: .utf8)
        json = json.replacingOccurrences(of: #""maxInFlight": 128"#, with: #""maxInFlihgt": 128"#)
        json = json.replacingOccurrences(of: #""state": "active""#, with: #""stat": "suspended", "state": "active""#)
        json = json.replacingOccurrences(of: #""phone": "09 266 99 00""#, with: #""phone": "09 266 99 00", "fax": "09 266 99 01""#)
        json = json.replacingOccurrences(of: #""dialect": "v1""#, with: #""dialect": "v1", "colour": "blue""#)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        let problems = errors?.problems ?? []
        #expect(
            problems.contains(
                TenantValidationError(
                    tenant: "gent", field: "limits.maxInFlihgt", message: "unknown field (did you mean 'maxInFlight'?)")))
        #expect(problems.contains { $0.field == "stat" && $0.tenant != nil && $0.message == "unknown field (did you mean 'state'?)" })
        #expect(problems.contains { $0.tenant == "gent" && $0.field == "contact.fax" && $0.message.hasPrefix("unknown field") })
        // Nothing near enough: no guess.
        #expect(problems.contains { $0.field == "backend.colour" && $0.message == "unknown field" }, "\(problems)")
        #expect(problems.allSatisfy { $0.message.hasPrefix("unknown field") }, "\(problems)")
        // The shipped file itself has none.
        _ = try TenantRegistry(jsonData: Data(contentsOf: Self.shippedFile))
    }

    @Test("A bad default is reported once, under defaults, not again for each tenant with limits of its own")
    func badDefaultReportedOnce() throws {
        var json = try String(contentsOf: Self.shippedFile, encoding: .utf8)
        json = json.replacingOccurrences(of: #""connectTimeoutMs": 500,"#, with: #""connectTimeoutMs": 500, "queueTimeoutMs": -5,"#)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        let problems = errors?.problems ?? []
        #expect(problems == [TenantValidationError(tenant: nil, field: "defaults.queueTimeoutMs", message: "must be between 1 and 60000")])
        // A tenant that sets the field itself, wrongly, is still named.
        json = json.replacingOccurrences(of: #""maxInFlight": 128"#, with: #""maxInFlight": 128, "queueTimeoutMs": -7"#)
        let both = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        #expect(both?.problems.map(\.field) == ["defaults.queueTimeoutMs", "limits.queueTimeoutMs"], "\(both?.problems ?? [])")
        #expect(both?.problems.last?.tenant == "gent")
    }

    @Test("Broken JSON is reported with its line and column")
    func brokenJSONHasLineAndColumn() {
        let json = "{\n  \"tenants\": [\n    {\"id\": \"gent\",,}\n  ]\n}"
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        let message = errors?.problems.first?.message ?? ""
        #expect(message.hasPrefix("not valid JSON at line 3, column"), "\(message)")
    }

    @Test("A duplicate id names both entries")
    func duplicateIDNamesBoth() {
        var document = Self.validDocument
        document.tenants[1].id = "gent"
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document) }
        #expect(errors?.problems.first?.message.contains("tenant #1 has the same id as tenant #0") == true)
    }

    @Test("A field of the wrong type inside a tenant is reported with its full path")
    func wrongTypeHasFullPath() throws {
        var json = try String(contentsOf: Self.shippedFile, encoding: .utf8)
        json = json.replacingOccurrences(of: #""maxInFlight": 128"#, with: #""maxInFlight": "many""#)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(jsonData: Data(json.utf8)) }
        #expect(errors?.problems.first?.field == "tenants[0].limits.maxInFlight")
    }

    /// Two valid tenants: one of each dialect, one of each credentials kind.
    static let validDocument = TenantsDocument(
        defaults: .init(connectTimeoutMs: 500, totalTimeoutMs: 2_000),
        tenants: [
            .init(
                id: "gent", kbo: "0212.214.125", name: "OCMW Gent", postalCodes: ["9000", "9030"],
                backend: .init(baseURL: "http://127.0.0.1:9101", dialect: "v2", credentials: ["env": "OCMW_GENT_API_KEY"]),
                categoriesOfHelp: [.init(code: "LL", label: "Leefloon")],
                certificateTypes: [.init(code: "ATT-LL", label: "Attest leefloon")], state: "active"),
            .init(
                id: "bonheiden", kbo: "0212.295.386", name: "OCMW Bonheiden", postalCodes: ["2820"],
                backend: .init(
                    baseURL: "https://ns.bonheiden.be/newsocial/", dialect: "v1",
                    credentials: ["file": "/run/secrets/bonheiden"]),
                categoriesOfHelp: [.init(code: "LL", label: "Leefloon")],
                certificateTypes: [], state: "active"),
        ])
}
