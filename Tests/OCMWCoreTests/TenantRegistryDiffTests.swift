import OCMWCore
import Testing

@Suite("What a reload would change")
struct TenantRegistryDiffTests {
    private func registry(_ change: (inout TenantsDocument) -> Void = { _ in }) throws -> TenantRegistry {
        var document = TenantRegistryTests.validDocument
        change(&document)
        return try TenantRegistry(validating: document)
    }

    @Test("The same file changes nothing")
    func identicalFiles() throws {
        let diff = TenantRegistryDiff(from: try registry(), to: try registry())
        #expect(diff.isEmpty)
        #expect(diff.unchanged.map(\.rawValue) == ["gent", "bonheiden"])
    }

    @Test("An added and a removed tenant are named, not reported as changed")
    func addedAndRemoved() throws {
        let old = try registry()
        let new = try registry { document in
            document.tenants[1].id = "leuven"
            document.tenants[1].kbo = "0212.305.185"
        }
        let diff = TenantRegistryDiff(from: old, to: new)
        #expect(diff.added.map(\.id.rawValue) == ["leuven"])
        #expect(diff.removed.map(\.id.rawValue) == ["bonheiden"])
        #expect(diff.changed.isEmpty)
        #expect(!diff.isEmpty)
    }

    @Test("A changed limit is one field change and resets the tenant's runtime state")
    func changedLimit() throws {
        let new = try registry { $0.tenants[0].limits = .init(maxInFlight: 7) }
        let diff = TenantRegistryDiff(from: try registry(), to: new)
        let change = try #require(diff.changed.first)
        #expect(diff.changed.count == 1)
        #expect(change.new.id.rawValue == "gent")
        #expect(change.resetsRuntimeState)
        let field = try #require(change.fields.first { $0.field == "limits.maxInFlight" })
        #expect(field.new == "7")
        #expect(field.old != "7")
        #expect(diff.unchanged.map(\.rawValue) == ["bonheiden"])
    }

    @Test("A state change keeps the runtime state and names old and new state")
    func changedState() throws {
        let new = try registry { $0.tenants[1].state = "suspended" }
        let change = try #require(TenantRegistryDiff(from: try registry(), to: new).changed.first)
        #expect(!change.resetsRuntimeState)
        #expect(change.fields == [.init(field: "state", old: "active", new: "suspended")])
    }

    @Test("Backend fields are compared by where the secret is, never by the secret")
    func changedCredentials() throws {
        let new = try registry { document in
            document.tenants[0].backend.credentials = ["env": "OCMW_GENT_API_KEY_2"]
            document.tenants[0].backend.baseURL = "https://gent.example:8443"
        }
        let change = try #require(TenantRegistryDiff(from: try registry(), to: new).changed.first)
        #expect(change.fields.map(\.field) == ["backend.baseURL", "backend.credentials"])
        #expect(
            change.fields.last
                == .init(
                    field: "backend.credentials", old: "env OCMW_GENT_API_KEY",
                    new: "env OCMW_GENT_API_KEY_2"))
    }

    @Test("An optional limit reads 'none' when unset")
    func optionalLimit() throws {
        let new = try registry { $0.tenants[0].limits = .init(rateLimitPerSecond: 50) }
        let change = try #require(TenantRegistryDiff(from: try registry(), to: new).changed.first)
        #expect(change.fields.contains(.init(field: "limits.rateLimitPerSecond", old: "none", new: "50")))
    }
}
