import Foundation

/// `--pid-file`: the process id, written when the process starts serving and removed when it
/// ends cleanly, so operators signal exactly this process (`kill -HUP "$(cat FILE)"`) instead
/// of matching command lines with `pgrep -f`, which also finds editors and shells.
package enum PIDFile {
    /// Writes this process's id (and a newline) to `path`, atomically.
    package static func write(_ path: String) throws {
        let text = "\(ProcessInfo.processInfo.processIdentifier)\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ExitStatus.failing("cannot write the PID file \(path): \(error.localizedDescription)", ExitStatus.cannotCreate)
        }
    }

    /// Runs `body` with the PID file (if any) in place, and removes it once `body` returned
    /// normally (a crash leaves it, as a stale PID file conventionally is).
    package static func around<T>(_ path: String?, _ body: () async throws -> T) async throws -> T {
        guard let path else { return try await body() }
        try write(path)
        let result = try await body()
        try? FileManager.default.removeItem(atPath: path)
        return result
    }
}
