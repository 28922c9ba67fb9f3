import Logging
import PrivateFiles

/// The data directory holds personal data (who receives help where, who looked at whose data,
/// submissions waiting for delivery) and the keys that protect it: only the proxy's own user
/// may enter it or read what is in it.
package enum DataDirectory {
    /// Creates the directory with mode 0700, or, for one that exists, narrows it to 0700 and
    /// every file in it to 0600, each narrowing logged as a warning (a directory made by hand, a
    /// restored backup, or files written by an earlier version).
    package static func secure(_ path: String, logger: Logger) throws {
        if try PrivateDirectory.prepare(atPath: path) {
            logger.warning("data directory was open to other users; narrowed to 0700", metadata: ["directory": "\(path)"])
        }
        for name in PrivateDirectory.narrowFiles(inDirectory: path) {
            logger.warning(
                "file in the data directory was readable by other users; narrowed to 0600",
                metadata: ["directory": "\(path)", "file": "\(name)"])
        }
    }
}
