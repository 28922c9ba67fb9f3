/// A response body too large to hold: a head, `fillerBytes` of generated PDF comment lines, and a
/// tail. The handler asks for it chunk by chunk as the connection can take them, so a 20 MB
/// document costs the simulator one chunk of memory, not 20 MB.
struct GeneratedBody: Sendable, Equatable {
    let head: [UInt8]
    let fillerBytes: Int
    let tail: [UInt8]

    /// The whole body's length, for `Content-Length`.
    var count: Int { head.count + fillerBytes + tail.count }

    /// Filler comes in lines of this many bytes: `%`, the line number in zero-padded decimal,
    /// newline. Numbered lines make the content depend on position, so a relay that dropped or
    /// repeated a chunk would change the document's hash.
    static let lineBytes = 64

    /// Reads the body in order, one chunk at a time.
    struct Cursor: Sendable {
        let body: GeneratedBody
        private(set) var offset = 0

        init(_ body: GeneratedBody) { self.body = body }

        var isAtEnd: Bool { offset >= body.count }

        /// The next at most `limit` bytes (fewer at a section boundary); empty at the end.
        mutating func next(limit: Int) -> [UInt8] {
            let fillerStart = body.head.count
            let tailStart = fillerStart + body.fillerBytes
            let chunk: [UInt8]
            if offset < fillerStart {
                chunk = Array(body.head[offset..<min(fillerStart, offset + limit)])
            } else if offset < tailStart {
                chunk = GeneratedBody.filler(
                    from: offset - fillerStart, count: min(limit, tailStart - offset),
                    total: body.fillerBytes)
            } else {
                chunk = Array(body.tail[(offset - tailStart)..<min(body.tail.count, offset - tailStart + limit)])
            }
            offset += chunk.count
            return chunk
        }
    }

    /// `count` bytes of the filler starting at `start`. Every line is `lineBytes` long except
    /// the last, which is shorter when `total` is not a multiple; every line ends in a newline.
    static func filler(from start: Int, count: Int, total: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var position = start
        while bytes.count < count {
            let line = position / lineBytes
            let lineStart = line * lineBytes
            let lineLength = min(lineBytes, total - lineStart)
            let text = Self.line(number: line, length: lineLength)
            let from = position - lineStart
            let take = min(lineLength - from, count - bytes.count)
            bytes += text[from..<(from + take)]
            position += take
        }
        return bytes
    }

    /// One filler line of `length` bytes: `%0…0N\n` (just `\n` when `length` is 1).
    private static func line(number: Int, length: Int) -> [UInt8] {
        guard length > 1 else { return [0x0A] }
        let digits = Array(String(number).utf8.suffix(length - 2))
        return [UInt8(ascii: "%")] + Array(repeating: UInt8(ascii: "0"), count: length - 2 - digits.count) + digits + [0x0A]
    }
}
