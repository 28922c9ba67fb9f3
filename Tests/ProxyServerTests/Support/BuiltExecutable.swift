import Foundation

/// The built `ocmw-proxy` executable, for tests that run it as a real child process: next to the
/// test bundle, else in the package's `.build/debug`.
enum BuiltExecutable {
    static let ocmwProxy: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("ocmw-proxy") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
