/// A streaming `multipart/form-data` parser: a pure state machine fed body chunks as they arrive.
///
/// Every limit is checked on the chunk that crosses it, so an oversized upload is refused without
/// buffering it. Only the unconsumed tail is held: at most one part's header block, or fewer
/// bytes than the delimiter while scanning content. After an error the parser stays failed.
public struct MultipartParser: Sendable {
    private enum State: Sendable {
        case preamble
        case afterDelimiter
        case headers
        case body(isFile: Bool)
        case epilogue
        case failed(IntakeError)
    }

    /// `CRLF--boundary`: the delimiter as it appears before every boundary line.
    private let delimiter: [UInt8]
    private static let blankLine: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    private let limits: IntakeLimits
    private var state: State = .preamble
    /// Bytes received but not yet consumed. Starts with a virtual CRLF so the first boundary
    /// line, which has no CRLF before it, matches the same delimiter as all the others.
    private var pending: [UInt8] = [0x0D, 0x0A]
    /// Where the search for the end of the header block resumes, to stay linear when fed byte by byte.
    private var headerScanFrom = 0
    private var totalBytes = 0
    private var partCount = 0
    private var fileCount = 0
    private var partBytes = 0

    /// Creates a parser for one body.
    /// - Parameters:
    ///   - boundary: the boundary, as returned by `boundary(fromContentType:)`.
    ///   - limits: the limits to enforce while streaming.
    public init(boundary: String, limits: IntakeLimits = .default) {
        self.delimiter = Array("\r\n--\(boundary)".utf8)
        self.limits = limits
    }

    /// Consumes the next chunk of the body.
    /// - Returns: the events recognised so far; content may be held back while it could still
    ///   be the start of a delimiter.
    /// - Throws: `IntakeError` of kind `tooLarge` when a limit is crossed inside this chunk, or
    ///   `malformed` when the body is not valid multipart. Every later call throws it again.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(IntakeError) -> [MultipartEvent] {
        if case .failed(let error) = state { throw error }
        do throws(IntakeError) {
            totalBytes += chunk.count
            guard totalBytes <= limits.maxTotalBytes else {
                throw IntakeError.tooLarge("bodyTooLarge", "the body exceeds \(limits.maxTotalBytes) bytes")
            }
            if case .epilogue = state { return [] }
            pending.append(contentsOf: chunk)
            var events: [MultipartEvent] = []
            while try step(into: &events) {}
            return events
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Declares the end of the body.
    /// - Throws: `IntakeError` of kind `malformed` if the closing boundary was not seen.
    public mutating func finish() throws(IntakeError) {
        switch state {
        case .epilogue: return
        case .failed(let error): throw error
        default:
            let error = IntakeError.malformed("truncatedBody", "the body ends before its closing boundary")
            state = .failed(error)
            throw error
        }
    }

    /// Advances one state; returns `false` when more input is needed.
    private mutating func step(into events: inout [MultipartEvent]) throws(IntakeError) -> Bool {
        switch state {
        case .preamble:
            return try scanContent(isFile: nil, into: &events)
        case .body(let isFile):
            return try scanContent(isFile: isFile, into: &events)
        case .afterDelimiter:
            return try readBoundaryLineEnd()
        case .headers:
            guard let event = try readHeaders() else { return false }
            events.append(event)
            return true
        case .epilogue, .failed:
            pending.removeAll()
            return false
        }
    }

    /// Passes content through up to the next delimiter; `isFile` is `nil` in the preamble,
    /// whose content is discarded.
    private mutating func scanContent(isFile: Bool?, into events: inout [MultipartEvent]) throws(IntakeError) -> Bool {
        if let start = pending.firstIndex(ofSequence: delimiter, from: 0) {
            if let isFile {
                try emit(count: start, isFile: isFile, into: &events)
                events.append(.partEnded)
            }
            pending.removeFirst(start + delimiter.count)
            state = .afterDelimiter
            return true
        }
        let ready = pending.count - pending.heldBackLength(for: delimiter)
        if let isFile { try emit(count: ready, isFile: isFile, into: &events) }
        pending.removeFirst(ready)
        return false
    }

    private mutating func emit(count: Int, isFile: Bool, into events: inout [MultipartEvent]) throws(IntakeError) {
        guard count > 0 else { return }
        partBytes += count
        if isFile, partBytes > limits.maxFileBytes {
            throw .tooLarge("fileTooLarge", "file \(fileCount) exceeds \(limits.maxFileBytes) bytes")
        }
        if !isFile, partBytes > limits.maxFieldBytes {
            throw .tooLarge("fieldTooLarge", "part \(partCount) exceeds \(limits.maxFieldBytes) bytes")
        }
        events.append(.partData(Array(pending[..<count])))
    }

    /// After `--boundary`: `--` closes the body; optional padding then CRLF starts a part.
    private mutating func readBoundaryLineEnd() throws(IntakeError) -> Bool {
        // RFC 2046 allows linear whitespace after the boundary; drop it as it arrives.
        let padding = pending.prefix { $0 == 0x20 || $0 == 0x09 }.count
        pending.removeFirst(padding)
        guard pending.count >= 2 else { return false }
        if pending[0] == 0x2D, pending[1] == 0x2D {
            state = .epilogue
            return true
        }
        guard pending[0] == 0x0D, pending[1] == 0x0A else {
            throw .malformed("invalidBoundaryLine", "a boundary line is followed by unexpected bytes")
        }
        pending.removeFirst(2)
        state = .headers
        headerScanFrom = 0
        return true
    }

    /// Reads a complete header block and starts the part; `nil` while it is incomplete.
    private mutating func readHeaders() throws(IntakeError) -> MultipartEvent? {
        let blockEnd: Int
        if pending.count >= 2, pending[0] == 0x0D, pending[1] == 0x0A {
            blockEnd = 2  // no header lines at all
        } else if let end = pending.firstIndex(ofSequence: Self.blankLine, from: headerScanFrom) {
            blockEnd = end + 4
        } else {
            // Nothing found in `pending`, so any terminator would end beyond the limit.
            guard pending.count <= limits.maxHeaderBytes else {
                throw .tooLarge("headersTooLarge", "a part's headers exceed \(limits.maxHeaderBytes) bytes")
            }
            headerScanFrom = max(0, pending.count - 3)
            return nil
        }
        guard blockEnd <= limits.maxHeaderBytes else {
            throw .tooLarge("headersTooLarge", "a part's headers exceed \(limits.maxHeaderBytes) bytes")
        }
        let headers = try PartHeaders(parsing: pending[..<max(0, blockEnd - 4)])
        pending.removeFirst(blockEnd)
        partCount += 1
        guard partCount <= limits.maxParts else {
            throw .tooLarge("tooManyParts", "the body has more than \(limits.maxParts) parts")
        }
        if headers.filename != nil {
            fileCount += 1
            guard fileCount <= limits.maxFiles else {
                throw .tooLarge("tooManyFiles", "the body has more than \(limits.maxFiles) files")
            }
        }
        partBytes = 0
        state = .body(isFile: headers.filename != nil)
        return .partStarted(
            name: headers.name, filename: headers.filename,
            declaredContentType: headers.contentType)
    }
}
