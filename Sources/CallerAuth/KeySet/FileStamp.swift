import Foundation

/// What identifies one version of a file cheaply: modification time, size and inode.
///
/// The inode catches the usual atomic replace (write a temporary file, rename it over the old
/// one) even when the new file has the same size and lands in the same clock tick.
struct FileStamp: Sendable, Hashable {
    let modified: Date?
    let size: UInt64?
    let inode: UInt64?

    /// The stamp of the file at `path`, or `nil` when it cannot be examined.
    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        modified = attributes[.modificationDate] as? Date
        size = (attributes[.size] as? NSNumber)?.uint64Value
        inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    }
}
