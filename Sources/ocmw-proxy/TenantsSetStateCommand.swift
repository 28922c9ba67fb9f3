import ArgumentParser
import Foundation
import OCMWCore
import ProxyBootstrap

/// `ocmw-proxy tenants set-state ID STATE`: changes one tenant's state in the tenants file.
struct TenantsSetStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-state",
        abstract: "Set one tenant's state (active, onboarding, suspended) in the tenants file, in place.",
        discussion: """
            Only the text of that tenant's "state" value changes: indentation, key order and the \
            other tenants stay as written. The file that results is validated first (as a reload \
            would, credentials aside) and written atomically (a temporary file in the same \
            directory, then renamed over it; a symbolic link is followed, its target replaced), so \
            a running proxy never reads half a file. The proxy takes the change at its next reload \
            (it watches the file; SIGHUP or POST /admin/tenants/reload make it at once).
            Exit status: 0 changed (or already in that state), 64 usage error (an unknown STATE \
            among them), 65 no tenant ID in the file, 66 the file cannot be read, 73 it cannot be \
            written, 78 the file (or the result) is not valid.
            """
    )

    @Argument(help: "The tenant's id.")
    var id: String

    @Argument(help: "The new state: active, onboarding or suspended.")
    var state: TenantState

    @Option(help: "Path of the tenants file.")
    var tenants: String = "tenants.json"

    func run() throws {
        // A link (a ConfigMap-style layout) is followed: its target is what the proxy reads.
        let target = URL(fileURLWithPath: tenants).resolvingSymlinksInPath()
        let text: Data
        do { text = try Data(contentsOf: target) } catch {
            throw ExitStatus.failing("cannot read \(tenants): \(error.localizedDescription)", ExitStatus.noInput)
        }
        let edit: TenantsFileStateEdit.Result
        do {
            edit = try TenantsFileStateEdit.setting(state: state, of: id, in: text)
        } catch {
            switch error {
            case .unknownTenant: throw ExitStatus.failing("\(error) in \(tenants)", ExitStatus.dataError)
            case .notEditable: throw ExitStatus.failing("\(tenants): \(error)", ExitStatus.config)
            }
        }
        guard edit.previous != state.rawValue else {
            print("\(id) is already \(state.rawValue) in \(tenants): nothing written")
            return
        }
        do {
            _ = try TenantRegistry(jsonData: edit.text)
        } catch {
            let problems = error.problems.map { "  - \($0)" }.joined(separator: "\n")
            throw ExitStatus.failing("\(tenants) would not be valid, nothing written:\n\(problems)", ExitStatus.config)
        }
        do { try Self.replace(target, with: edit.text) } catch {
            throw ExitStatus.failing("cannot write \(target.path): \(error)", ExitStatus.cannotCreate)
        }
        print("\(id): \(edit.previous) → \(state.rawValue) in \(tenants)")
    }

    /// Writes `data` to a temporary file beside `target` with `target`'s permissions, syncs it,
    /// and renames it over `target`: readers see the old file or the new one, never a mix.
    static func replace(_ target: URL, with data: Data) throws {
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let mode = (try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int) ?? 0o644
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: mode])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, target.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
