import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files readable by their owner only (mode 0600), created so: never a moment with wider rights.
/// Keys, tokens and exports of personal data are written through here.
public enum PrivateFile {
    /// Why a private file could not be created or written.
    public enum Failure: Error, Equatable, Sendable {
        /// `exclusive` creation found a file already there.
        case exists
        /// `open(2)` failed with this errno.
        case cannotOpen(errno: Int32)
        /// The directory could not be created, or the contents not written and synced.
        case cannotWrite
    }

    /// Opens `path` for writing, created with mode 0600.
    /// - Parameter exclusive: Fail with `.exists` when the file exists; otherwise truncate it
    ///   (and narrow its mode to 0600).
    /// - Throws: `Failure.exists` or `Failure.cannotOpen`.
    public static func create(atPath path: String, exclusive: Bool) throws(Failure) -> FileHandle {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, mode_t(0o600))
        guard descriptor >= 0 else {
            let code = errno
            throw code == EEXIST ? .exists : .cannotOpen(errno: code)
        }
        // A file that existed keeps its old mode through O_TRUNC; narrow it.
        _ = fchmod(descriptor, mode_t(0o600))
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// What a development key file holds: its contents, and whether this call created it.
    public struct Contents: Sendable {
        public let data: Data
        public let created: Bool
    }

    /// The contents of the file at `path`; when there is none, `make()`'s bytes written to a new
    /// file (mode 0600, its directory created with 0700), synced before they are returned.
    ///
    /// Safe when several processes start at once: the file appears whole or not at all, exactly
    /// one of them creates it, and the others read the winner's file, so all use the same contents.
    /// - Returns: `nil` only when the file exists but cannot be read.
    /// - Throws: `Failure.cannotWrite` or `Failure.cannotOpen` when it can be neither read nor created.
    public static func readOrCreate(atPath path: String, make: () -> Data) throws(Failure) -> Contents? {
        if FileManager.default.fileExists(atPath: path) {
            return FileManager.default.contents(atPath: path).map { Contents(data: $0, created: false) }
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite
        }
        let data = make()
        // Written whole under a temporary name, then published with link(2), which fails if the
        // name exists: no process ever reads a half-written file, and exactly one creation wins.
        let temporary = path + ".tmp-\(UUID().uuidString)"
        defer { unlink(temporary) }
        do {
            let handle = try create(atPath: temporary, exclusive: true)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw .cannotWrite
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            guard code == EEXIST else { throw .cannotOpen(errno: code) }
            // Another process published it between our check and ours: use theirs.
            return FileManager.default.contents(atPath: path).map { Contents(data: $0, created: false) }
        }
        return Contents(data: data, created: true)
    }
}
