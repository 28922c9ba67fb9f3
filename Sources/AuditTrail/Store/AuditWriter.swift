import Synchronization

/// Buffers audit records in memory and writes them to a store in batches, off the request path.
///
/// `append` never waits for I/O: it adds the record to the buffer under a lock. `run()` writes the
/// buffer whenever it holds `batchSize` records or `flushInterval` has passed, whichever comes
/// first, and writes everything left when it stops (after `finish()` or cancellation). A batch
/// that fails is put back and retried on the next flush, so a store that is down for a while
/// costs memory, not records; `onFlushError` is told about each failure. The memory is bounded
/// by `capacity`: past it the writer `isFull`, and the server refuses new requests about citizen
/// data (503) rather than serve them unrecorded; records are never dropped.
public final class AuditWriter: Sendable {
    /// Records per write transaction, and the buffer size that triggers an early flush.
    public let batchSize: Int
    /// The longest a record waits in the buffer while `run()` runs.
    public let flushInterval: Duration
    /// The records the buffer may hold before `isFull`.
    public let capacity: Int

    private let store: any AuditStore
    private let onFlushError: @Sendable (any Error) -> Void
    private let state = Mutex(AuditWriterState())

    /// A writer in front of `store`.
    /// - Parameters:
    ///   - store: Where records end up.
    ///   - batchSize: Records per transaction; a full batch is flushed at once. At least 1.
    ///   - flushInterval: The longest a record waits in the buffer.
    ///   - capacity: Records buffered before `isFull` (about 300 bytes each: 100 000 is some
    ///     30 MB, minutes of a busy proxy's traffic while its store is down).
    ///   - onFlushError: Told of each failed flush in `run()` (e.g. to log it); the batch is kept.
    public init(
        store: any AuditStore, batchSize: Int = 256, flushInterval: Duration = .milliseconds(100),
        capacity: Int = 100_000, onFlushError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.store = store
        self.batchSize = max(batchSize, 1)
        self.flushInterval = flushInterval
        self.capacity = max(capacity, 1)
        self.onFlushError = onFlushError
    }

    /// Adds a record to the buffer; never blocks on I/O, and never drops it (also past
    /// `capacity`: requests already admitted are recorded).
    public func append(_ record: AuditRecord) {
        let waiter = state.withLock { $0.recordAppended(record, batchSize: batchSize) }
        waiter?.resume()
    }

    /// The records not yet written.
    public var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Whether the buffer holds `capacity` records or more: the store has not taken them for a
    /// while, and nothing new should be served that would need recording.
    public var isFull: Bool { pendingCount >= capacity }

    /// Writes every buffered record now, in batches of `batchSize`.
    /// - Throws: what the store throws; the failed batch and those after it stay buffered.
    public func flush() async throws {
        while true {
            let batch = state.withLock { $0.batchTaken(size: batchSize) }
            guard !batch.isEmpty else { return }
            do {
                try await store.append(contentsOf: batch)
            } catch {
                state.withLock { $0.batchFailed(batch) }
                throw error
            }
        }
    }

    /// Asks `run()` to write what is buffered and return.
    public func finish() {
        let waiter = state.withLock { $0.finishRequested() }
        waiter?.resume()
    }

    /// Flushes on a full batch or every `flushInterval` until `finish()` is called or the task is
    /// cancelled, then writes everything left.
    /// - Throws: what the store throws on the final flush (earlier failures go to `onFlushError`).
    public func run() async throws {
        while !Task.isCancelled, !state.withLock({ $0.finished }) {
            await waitForWork()
            do { try await flush() } catch { onFlushError(error) }
        }
        // A cancelled task would make the store's own async calls fail; the last flush runs in a
        // task of its own, which the cancellation does not reach.
        try await Task { try await self.flush() }.value
    }

    /// Returns when a batch is full, the interval has passed, `finish()` was called or the task
    /// was cancelled (which cancels the timer, which then fires at once).
    private func waitForWork() async {
        let generation = state.withLock { $0.waitPrepared() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [flushInterval] in
                try? await Task.sleep(for: flushInterval)
                let waiter = self.state.withLock { $0.timerFired(generation) }
                waiter?.resume()
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { $0.waitStarted(generation, continuation, batchSize: batchSize) }
                ready?.resume()
            }
            group.cancelAll()
        }
    }
}
