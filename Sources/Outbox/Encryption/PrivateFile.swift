import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files readable by their owner only (mode 0600), created so: never a moment with wider rights.
/// (A copy of AuditTrail's helper: modules do not share internals, and it is too small for a module.)
enum PrivateFile {
    enum Failure: Error {
        case exists
        case cannotOpen(errno: Int32)
    }

    /// Opens `path` for writing, created with mode 0600.
    /// - Parameter exclusive: Fail with `.exists` when the file exists; otherwise truncate it
    ///   (and narrow its mode to 0600).
    static func create(atPath path: String, exclusive: Bool) throws(Failure) -> FileHandle {
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
}
