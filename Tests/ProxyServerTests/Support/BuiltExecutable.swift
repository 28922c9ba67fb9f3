import Foundation

/// The built executables, for tests that run them as real child processes: next to the test
/// bundle, else in the package's `.build/debug`.
enum BuiltExecutable {
    static let ocmwProxy: URL? = named("ocmw-proxy")
    static let ocmwDev: URL? = named("ocmw-dev")

    static func named(_ name: String) -> URL? {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
