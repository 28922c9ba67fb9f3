import OCMWCore
import Testing

/// A reload validates only what changed: unchanged entries are taken over from the snapshot in
/// force, and the result is the same as validating the whole document again.
@Suite("tenants.json reload reuses unchanged tenants")
struct TenantRegistryReuseTests {
    @Test("One renamed tenant: the other is taken over, and both equal a fresh validation")
    func unchangedTenantsAreTakenOver() throws {
        let previous = try TenantRegistry(validating: TenantRegistryTests.validDocument)
        var document = TenantRegistryTests.validDocument
        document.tenants[1].name = "OCMW Bonheiden (hernoemd)"
        let reloaded = try TenantRegistry(validating: document, reusing: previous)
        #expect(reloaded.reusedTenants == 1)
        #expect(reloaded.tenants == (try TenantRegistry(validating: document)).tenants)
        #expect(reloaded.tenants[1].name == "OCMW Bonheiden (hernoemd)")
    }

    @Test("Changed defaults: every tenant is validated again")
    func changedDefaultsReuseNothing() throws {
        let previous = try TenantRegistry(validating: TenantRegistryTests.validDocument)
        var document = TenantRegistryTests.validDocument
        document.defaults = .init(connectTimeoutMs: 400, totalTimeoutMs: 2_000)
        let reloaded = try TenantRegistry(validating: document, reusing: previous)
        #expect(reloaded.reusedTenants == 0)
        #expect(reloaded.tenants.allSatisfy { $0.limits.connectTimeoutMs == 400 })
    }

    @Test("Checks across tenants still run on reused entries: a new duplicate KBO is rejected")
    func crossTenantChecksStillRun() throws {
        let previous = try TenantRegistry(validating: TenantRegistryTests.validDocument)
        var document = TenantRegistryTests.validDocument
        var copy = document.tenants[0]
        copy.id = "gent-bis"
        document.tenants.append(copy)
        let errors = #expect(throws: TenantValidationErrors.self) { try TenantRegistry(validating: document, reusing: previous) }
        #expect(errors?.problems.contains { $0.tenant == "gent-bis" && $0.field == "kbo" } == true)
    }

    @Test("The active tenants are kept in file order")
    func activeTenantsInFileOrder() throws {
        var document = TenantRegistryTests.validDocument
        document.tenants[0].state = "suspended"
        let registry = try TenantRegistry(validating: document)
        #expect(registry.activeTenants.map(\.id.rawValue) == ["bonheiden"])
    }
}
