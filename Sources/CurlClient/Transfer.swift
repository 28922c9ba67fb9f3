import CCurl
import Synchronization

/// One request in flight: its continuation, the bytes received so far and the curl handle it runs on.
///
/// Safety: `@unchecked Sendable` because the fields are split by owner. `phase` (and with it the
/// continuation) is guarded by its mutex and may be touched from any thread; everything marked
/// *loop only* is read and written exclusively on the multi loop's thread, which owns the easy
/// handle and runs the write/header callbacks.
final class Transfer: @unchecked Sendable {
    enum Phase {
        case created
        case waiting(CheckedContinuation<HTTPResponse, any Error>)
        case cancelledEarly
        case finished
    }

    let request: HTTPRequest
    /// Effective total timeout, already shortened to the caller's deadline.
    let timeoutMs: Int
    private let phase = Mutex<Phase>(.created)

    // Loop only.
    var easyHandle: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    var exceededSizeLimit = false
    /// Body bytes taken so far (buffered or streamed). Loop only.
    var received = 0
    /// Where a streamed response's body goes; nil for a buffered one.
    let sink: StreamSink?
    /// curl's `CURLOPT_ERRORBUFFER`: its specific explanation of a failure. Owned by the transfer,
    /// which outlives every use of it: `curl_easy_reset` unhooks it before the handle is reused.
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(request: HTTPRequest, timeoutMs: Int, sink: StreamSink? = nil) {
        self.request = request
        self.timeoutMs = timeoutMs
        self.sink = sink
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// Stores the continuation. Returns false when the task was cancelled before this point, in
    /// which case the caller must resume the continuation itself and not submit the transfer.
    func install(_ continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
        phase.withLock { phase in
            guard case .created = phase else { return false }
            phase = .waiting(continuation)
            return true
        }
    }

    /// Resumes the caller exactly once, whichever of completion and cancellation comes first.
    /// - Returns: whether this call was the one that resumed it.
    @discardableResult
    func finish(_ result: Result<HTTPResponse, CurlClientError>) -> Bool {
        switch result {
        case .success(let response): sink?.finish(nil, head: .init(status: response.status, headers: response.headers))
        case .failure(let error): sink?.finish(error, head: .init(status: 0, headers: []))
        }
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = phase.withLock { phase in
            switch phase {
            case .created:
                phase = .cancelledEarly
                return nil
            case .waiting(let continuation):
                phase = .finished
                return continuation
            case .cancelledEarly, .finished:
                return nil
            }
        }
        guard let continuation else { return false }
        continuation.resume(with: result.mapError { $0 as any Error })
        return true
    }

    var isFinished: Bool {
        phase.withLock { if case .waiting = $0 { false } else { true } }
    }

    /// What the write callback tells curl.
    enum Reception { case taken, pause, abort }

    /// Takes response bytes: buffered, or handed to the stream sink (which may ask to pause);
    /// refused (so curl aborts) once the cap would be passed. Loop only.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Reception {
        guard received + bytes.count <= request.maxResponseBytes else {
            exceededSizeLimit = true
            return .abort
        }
        if let sink {
            guard sink.offer(Array(bytes), head: streamHead) else { return .pause }
        } else {
            body.append(contentsOf: bytes)
        }
        received += bytes.count
        return .taken
    }

    /// Status and headers as received so far. Loop only.
    var streamHead: StreamSink.Head {
        var status = 0
        if let easyHandle { _ = ccurl_easy_getinfo_long(easyHandle, CURLINFO_RESPONSE_CODE, &status) }
        return StreamSink.Head(status: status, headers: headers)
    }

    /// Collects header lines; a new status line (after a 1xx) starts the list over. Loop only.
    /// Works on the bytes: every response has a handful of header lines, and Character-level
    /// string handling (grapheme breaking for `isNewline`, index walking) showed in profiles.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        if line.starts(with: "HTTP/".utf8) {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        var start = colon + 1
        while start < end, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t") { start += 1 }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: line[..<colon]), as: UTF8.self).lowercased()
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: line[start...]), as: UTF8.self)
        headers.append(HTTPHeader(name, value))
    }
}
