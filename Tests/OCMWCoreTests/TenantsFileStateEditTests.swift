import Foundation
import Testing

@testable import OCMWCore

/// `tenants set-state`'s edit: one value's text changes, nothing else.
@Suite struct TenantsFileStateEditTests {
    @Test func onlyTheStateValueOfThatTenantChanges() throws {
        let original = try Data(contentsOf: TenantRegistryTests.shippedFile)
        let before = try TenantRegistry(jsonData: original)
        let target = try #require(before.tenants.first { $0.state == .onboarding })
        let edited = try TenantsFileStateEdit.setting(state: .active, of: target.id.rawValue, in: original)
        #expect(edited.previous == "onboarding")
        // Line by line: exactly one differs, and only in the word.
        let old = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: edited.text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(old.count == new.count)
        let differing = zip(old, new).filter { $0.0 != $0.1 }
        #expect(differing.count == 1, "\(differing)")
        #expect(differing.first.map { $0.0.replacingOccurrences(of: "\"onboarding\"", with: "\"active\"") == $0.1 } == true)
        // And it is that tenant's: every other one keeps its state.
        let after = try TenantRegistry(jsonData: edited.text)
        for tenant in after.tenants {
            let expected = tenant.id == target.id ? .active : before.tenant(tenant.id)?.state
            #expect(tenant.state == expected, "\(tenant.id)")
        }
    }

    @Test func aStateKeyOutsideTheTenantsOwnLevelIsNotTouched() throws {
        let text = """
            {"tenants": [
              {"backend": {"state": "x", "id": "b"}, "id": "a", "note": [1, 2.5e3, true, null, {"state": "y"}], "state": "suspended"},
              {"id": "b", "state": "active"}
            ]}
            """
        let edited = try TenantsFileStateEdit.setting(state: .onboarding, of: "a", in: Data(text.utf8))
        #expect(
            String(decoding: edited.text, as: UTF8.self)
                == text.replacingOccurrences(of: #""state": "suspended""#, with: #""state": "onboarding""#))
        #expect(edited.previous == "suspended")
    }

    @Test func anUnknownTenantIsRefusedNamingTheKnownOnes() {
        let text = #"{"tenants": [{"id": "gent", "state": "active"}, {"id": "lier", "state": "active"}]}"#
        #expect(throws: TenantsFileStateEdit.Failure.unknownTenant("aalst", known: ["gent", "lier"])) {
            try TenantsFileStateEdit.setting(state: .active, of: "aalst", in: Data(text.utf8))
        }
    }
}
