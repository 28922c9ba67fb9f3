import Foundation
import OCMWCore

/// Reads a text file line by line through a fixed-size buffer, so a file of any size is read in
/// constant memory.
///
/// Lines end with `\n`; a `\r` before it is dropped. The last line needs no line break. Bytes
/// that are not UTF-8 are replaced (the row then fails validation instead of stopping the read).
final class FileLineReader {
    private static let chunkBytes = 1 << 20
    private static let newline = UInt8(ascii: "\n")

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0

    /// - Throws: `RoutingIndexError` when the file cannot be opened.
    init(path: String) throws(RoutingIndexError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RoutingIndexError(.unreadableFile, detail: "cannot open \(path)")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break, or `nil` at the end of the file.
    /// - Throws: `RoutingIndexError` when reading fails.
    func nextLine() throws(RoutingIndexError) -> String? {
        while true {
            if let end = buffer[position...].firstIndex(of: Self.newline) {
                return take(upTo: end, skipping: 1)
            }
            if atEnd {
                return position < buffer.count ? take(upTo: buffer.count, skipping: 0) : nil
            }
            try refill()
        }
    }

    /// Counts the lines of a file (a last line without a line break counts), reading it once.
    /// - Throws: `RoutingIndexError` when the file cannot be read.
    static func countLines(path: String) throws(RoutingIndexError) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RoutingIndexError(.unreadableFile, detail: "cannot open \(path)")
        }
        defer { try? handle.close() }
        var lines = 0
        var last: UInt8?
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: chunkBytes) ?? Data() } catch {
                throw RoutingIndexError(.unreadableFile, detail: error.localizedDescription)
            }
            guard let final = chunk.last else { break }
            lines += chunk.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 == newline ? 1 : 0) } }
            last = final
        }
        if let last, last != newline { lines += 1 }
        return lines
    }

    private func take(upTo end: Int, skipping separator: Int) -> String {
        var stop = end
        if stop > position, buffer[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        let line = String(decoding: buffer[position..<stop], as: UTF8.self)
        position = end + separator
        lineNumber += 1
        return line
    }

    private func refill() throws(RoutingIndexError) {
        // Keep only the unfinished line, so the buffer stays about one chunk long.
        buffer.removeSubrange(0..<position)
        position = 0
        let chunk: Data?
        do { chunk = try handle.read(upToCount: Self.chunkBytes) } catch {
            throw RoutingIndexError(.unreadableFile, detail: error.localizedDescription)
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
