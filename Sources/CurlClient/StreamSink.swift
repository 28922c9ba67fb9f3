import Synchronization

/// The receiving end of a streamed response: body chunks pass from curl's write callback (loop
/// thread) to the consumer through a bounded buffer. At `highWater` buffered bytes the callback
/// pauses the transfer (curl keeps the bytes and stops reading the socket); once the consumer
/// has drained to `lowWater` it asks the loop to resume. Memory per transfer stays bounded by the
/// high-water mark plus one curl chunk, whatever the document's size.
final class StreamSink: Sendable {
    /// Status line and headers of the final response.
    struct Head: Sendable {
        let status: Int
        let headers: [HTTPHeader]
    }

    private struct State {
        var head: Head?
        var chunks: [[UInt8]] = []
        var buffered = 0
        var paused = false
        /// nil while running; `.some(nil)` after a complete transfer, `.some(error)` after a failed one.
        var finished: CurlClientError??
        /// The consumer, parked until something changes.
        var waiter: CheckedContinuation<Void, Never>?
    }

    let highWater: Int
    let lowWater: Int
    private let state = Mutex(State())
    /// Asks the loop (from the consumer's thread) to resume a paused transfer.
    let resume: @Sendable () -> Void
    private let gauge: StreamBufferGauge?

    init(highWater: Int = 256 * 1024, gauge: StreamBufferGauge? = nil, resume: @escaping @Sendable () -> Void) {
        self.highWater = highWater
        lowWater = highWater / 4
        self.gauge = gauge
        self.resume = resume
    }

    // MARK: Loop thread

    /// Offers a chunk. Returns false when the consumer is behind: the transfer must pause, and
    /// the chunk is not taken (curl offers it again after the resume).
    func offer(_ bytes: [UInt8], head: Head) -> Bool {
        let (accepted, buffered, waiter) = state.withLock { state -> (Bool, Int, CheckedContinuation<Void, Never>?) in
            if state.head == nil { state.head = head }
            guard state.buffered < highWater else {
                state.paused = true
                return (false, state.buffered, Self.takeWaiter(&state))
            }
            state.chunks.append(bytes)
            state.buffered += bytes.count
            return (true, state.buffered, Self.takeWaiter(&state))
        }
        if accepted { gauge?.accepted(bytes.count, nowBuffered: buffered) } else { gauge?.paused() }
        waiter?.resume()
        return accepted
    }

    /// The transfer ended, completely (`error` nil) or not; the body ends after what is buffered.
    func finish(_ error: CurlClientError?, head: Head) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            // The first end counts: after `expire`, the cancelled transfer's own end comes too.
            guard state.finished == nil else { return nil }
            if state.head == nil, error == nil { state.head = head }
            state.finished = .some(error)
            return Self.takeWaiter(&state)
        }
        waiter?.resume()
    }

    /// Ends the stream with `error` unless its head has arrived (or it ended already).
    /// - Returns: Whether it ended it; the caller then stops the transfer.
    func expire(_ error: CurlClientError) -> Bool {
        let (expired, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard state.head == nil, state.finished == nil else { return (false, nil) }
            state.finished = .some(error)
            return (true, Self.takeWaiter(&state))
        }
        waiter?.resume()
        return expired
    }

    private static func takeWaiter(_ state: inout State) -> CheckedContinuation<Void, Never>? {
        defer { state.waiter = nil }
        return state.waiter
    }

    // MARK: Consumer

    /// Waits for the status line and headers (they come with the first body bytes or the end).
    func head() async throws(CurlClientError) -> Head {
        while true {
            let ready: Result<Head, CurlClientError>? = state.withLock { state in
                if let head = state.head { return .success(head) }
                if case .some(.some(let error)) = state.finished { return .failure(error) }
                return nil
            }
            if let ready { return try ready.get() }
            await park()
        }
    }

    /// The next chunk of the body, or nil at its end.
    func next() async throws(CurlClientError) -> [UInt8]? {
        while true {
            enum Step { case chunk([UInt8], wake: Bool), end, failed(CurlClientError), wait }
            let step: Step = state.withLock { state in
                if !state.chunks.isEmpty {
                    let chunk = state.chunks.removeFirst()
                    state.buffered -= chunk.count
                    let wake = state.paused && state.buffered <= lowWater
                    if wake { state.paused = false }
                    return .chunk(chunk, wake: wake)
                }
                switch state.finished {
                case .some(.none): return .end
                case .some(.some(let error)): return .failed(error)
                case .none: return .wait
                }
            }
            switch step {
            case .chunk(let chunk, let wake):
                if wake { resume() }
                return chunk
            case .end: return nil
            case .failed(let error): throw error
            case .wait: await park()
            }
        }
    }

    /// Parks until `offer` or `finish` changes something (checked again under the lock, so a
    /// change between the caller's look and parking is not missed).
    private func park() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let changed = state.withLock { state in
                if !state.chunks.isEmpty || state.finished != nil { return true }
                state.waiter = continuation
                return false
            }
            if changed { continuation.resume() }
        }
    }
}
