import Foundation
import OCMWCore
import Testing

@Suite("The configuration in force, compared between instances")
struct TenantRegistryCanonicalTests {
    static let compact = #"""
        {"tenants": [{"id": "gent", "kbo": "0212.214.125", "name": "OCMW Gent", "postalCodes": ["9000"],
          "backend": {"baseURL": "https://ns.gent.be", "dialect": "v2", "credentials": {"env": "GENT_KEY"}},
          "categoriesOfHelp": [], "certificateTypes": [], "state": "active"}]}
        """#
    /// The same configuration, laid out and ordered differently.
    static let reformatted = #"""
        {
          "tenants": [
            {
              "state": "active",
              "name": "OCMW Gent",
              "id": "gent",
              "kbo": "0212.214.125",
              "backend": { "dialect": "v2", "credentials": { "env": "GENT_KEY" }, "baseURL": "https://ns.gent.be" },
              "postalCodes": [ "9000" ],
              "certificateTypes": [],
              "categoriesOfHelp": []
            }
          ]
        }
        """#

    @Test("Layout and key order do not change it; a changed value does")
    func canonicalForm() throws {
        let one = try TenantRegistry(jsonData: Data(Self.compact.utf8)).canonicalConfiguration
        let other = try TenantRegistry(jsonData: Data(Self.reformatted.utf8)).canonicalConfiguration
        #expect(!one.isEmpty)
        #expect(one == other)
        let suspended = Self.compact.replacingOccurrences(of: #""state": "active""#, with: #""state": "suspended""#)
        #expect(try TenantRegistry(jsonData: Data(suspended.utf8)).canonicalConfiguration != one)
    }
}
