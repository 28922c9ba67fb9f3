import ArgumentParser
import Foundation
import LoadTest

/// The tenants file of a demo started by the harness.
enum DemoTenants {
    /// Writes the scenario's tenants (a copy of its file, or `scripts/gen-tenants N`) to `url`,
    /// with tenant n's simulated backend on `basePort + n`, so the run does not collide with a
    /// demo on the shipped ports.
    static func write(_ tenants: Scenario.Tenants, basePort: Int, to url: URL) throws {
        let source: URL
        if let count = tenants.generate {
            let generated = url.deletingLastPathComponent().appendingPathComponent("generated-tenants.json")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "scripts/gen-tenants", String(count), generated.path, "--base-port", String(basePort)]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ValidationError("scripts/gen-tenants failed (run ocmw-loadtest from the repository root)")
            }
            source = generated
        } else {
            source = URL(fileURLWithPath: tenants.file ?? "tenants.json")
        }
        let data = try Data(contentsOf: source)
        try TenantsFileEditor.movingBackends(in: data, basePort: basePort).write(to: url, options: .atomic)
    }
}
