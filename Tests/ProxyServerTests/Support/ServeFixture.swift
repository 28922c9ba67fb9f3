import Foundation
import OCMWCore
import ProxyTesting

/// What a test gives an `ocmw-proxy serve` process it starts: a tenants file with Gent alone, and
/// the environment holding Gent's API key.
enum ServeFixture {
    /// Writes `tenants.json` for Gent (v2) at `port` into `directory`; returns its URL.
    static func gentTenantsFile(in directory: URL, port: Int, limits: TenantsDocument.LimitsEntry? = nil) throws -> URL {
        let file = directory.appendingPathComponent("tenants.json")
        let document = TenantsDocument(tenants: [TestTenants.entry(id: "gent", dialect: .v2, port: port, limits: limits)])
        try JSONEncoder().encode(document).write(to: file)
        return file
    }

    /// This process's environment with Gent's API key set.
    static var environmentWithGentKey: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OCMW_GENT_API_KEY"] = TestTenants.apiKey(forVariable: "OCMW_GENT_API_KEY")
        return environment
    }
}
