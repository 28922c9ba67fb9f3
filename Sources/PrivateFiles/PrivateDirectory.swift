import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Directories of personal data (the data directory with the routing index, the audit trail, the
/// outbox and the keys) that only their owner can enter (mode 0700), and the files in them
/// (0600).
public enum PrivateDirectory {
    /// Creates `path` (and missing parents) with mode 0700, or narrows an existing directory
    /// that group or others can access to 0700.
    /// - Returns: Whether an existing directory's mode was narrowed.
    /// - Throws: `PrivateFile.Failure.cannotWrite` when the directory cannot be created.
    @discardableResult
    public static func prepare(atPath path: String) throws(PrivateFile.Failure) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            return narrow(path, info: info, to: 0o700)
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite
        }
        return false
    }

    /// Narrows every regular file directly in `path` that group or others can access to 0600.
    /// Files are not followed through symbolic links.
    /// - Returns: The names of the files narrowed, sorted.
    public static func narrowFiles(inDirectory path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { name in
            let file = (path as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
            return narrow(file, info: info, to: 0o600)
        }
    }

    /// Clears the group and other bits (to `mode`) when any is set; true when it did.
    static func narrow(_ path: String, info: stat, to mode: mode_t) -> Bool {
        guard info.st_mode & 0o077 != 0 else { return false }
        return chmod(path, mode) == 0
    }
}

extension PrivateFile {
    /// Makes the files of the SQLite database at `path` private before SQLite opens it: the
    /// database file is created with mode 0600 when missing (SQLite creates its `-wal`, `-shm`
    /// and `-journal` files with the database file's mode), and an existing database file or
    /// companion that group or others can read is narrowed to 0600.
    /// - Throws: `Failure.cannotOpen` when a missing database file cannot be created.
    public static func prepareDatabase(atPath path: String) throws(Failure) {
        do {
            let handle = try create(atPath: path, exclusive: true)
            try? handle.close()
        } catch Failure.exists {
            // An existing database: narrowed below.
        } catch {
            throw error
        }
        for file in [path, path + "-wal", path + "-shm", path + "-journal"] {
            var info = stat()
            if lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                _ = PrivateDirectory.narrow(file, info: info, to: 0o600)
            }
        }
    }
}
