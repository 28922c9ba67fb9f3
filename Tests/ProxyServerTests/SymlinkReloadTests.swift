import Foundation
import NewSocialSimulator
import OCMWCore
import Observability
import ProxyTesting
import TenantReload
import Testing

/// A tenants file published as Kubernetes publishes a ConfigMap: `tenants.json` is a link to
/// `..data/tenants.json`, and `..data` a link that is swapped to a new directory. The watcher
/// follows the links, so the swap is a change.
@Suite struct SymlinkReloadTests {
    @Test func aSwappedConfigMapLinkIsReloaded() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-configmap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = FileManager.default
        func version(_ name: String, tenants: [String]) throws {
            try files.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            let document = TenantsDocument(
                tenants: tenants.enumerated().map { index, id in TestTenants.entry(id: id, dialect: .v2, port: 9, index: index) })
            try JSONEncoder().encode(document).write(to: root.appendingPathComponent("\(name)/tenants.json"))
        }
        try version("v1", tenants: ["gent"])
        try version("v2", tenants: ["gent", "bonheiden"])
        try files.createSymbolicLink(atPath: root.appendingPathComponent("..data").path, withDestinationPath: "v1")
        let path = root.appendingPathComponent("tenants.json").path
        try files.createSymbolicLink(atPath: path, withDestinationPath: "..data/tenants.json")

        let store = TenantRegistryStore(try TenantRegistry(jsonData: Data(contentsOf: URL(fileURLWithPath: path))))
        let reloader = TenantReloader(path: path, store: store, metrics: ProxyMetrics(), logger: ReloadTests.logger)
        let watcher = TenantFileWatcher(path: path, reloader: reloader, interval: .milliseconds(20))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await watcher.run() }
            // Swap the link as kubelet does (a new link renamed over the old one), back and forth
            // (each state held for several polls) until the watcher has seen a swap to v2: however
            // late it takes its first look, a later swap is a change it must see.
            func point(to version: String) throws {
                let fresh = root.appendingPathComponent("..data_tmp").path
                try files.createSymbolicLink(atPath: fresh, withDestinationPath: version)
                #expect(rename(fresh, root.appendingPathComponent("..data").path) == 0)
            }
            for _ in 0..<60 where store.snapshot.tenants.count == 1 {
                try point(to: "v1")
                try await Task.sleep(for: .milliseconds(200))
                try point(to: "v2")
                for _ in 0..<50 where store.snapshot.tenants.count == 1 { try await Task.sleep(for: .milliseconds(20)) }
            }
            group.cancelAll()
        }
        #expect(store.snapshot.tenants.map(\.id.rawValue) == ["gent", "bonheiden"])
    }
}
