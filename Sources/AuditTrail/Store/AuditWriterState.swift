/// The buffer and wake-up logic of `AuditWriter`, without I/O: events in, continuations to resume out.
///
/// Each wait of the run loop has a generation number; its timer names it when firing, so a timer
/// that fires late (after its wait was ended by a full batch) cannot cut the next wait short.
struct AuditWriterState {
    private(set) var pending: [AuditRecord] = []
    private(set) var finished = false
    private var waiter: (generation: Int, continuation: CheckedContinuation<Void, Never>)?
    private var generation = 0
    /// A timer that fired before its wait was registered.
    private var firedEarly: Int?

    /// Starts a new wait; returns its generation.
    mutating func waitPrepared() -> Int {
        generation += 1
        return generation
    }

    /// The run loop waits. Returns the continuation when the wait is already over.
    mutating func waitStarted(
        _ generation: Int, _ continuation: CheckedContinuation<Void, Never>, batchSize: Int
    ) -> CheckedContinuation<Void, Never>? {
        if finished || pending.count >= batchSize || firedEarly == generation { return continuation }
        waiter = (generation, continuation)
        return nil
    }

    /// The timer of wait `generation` fired (or was cancelled).
    mutating func timerFired(_ generation: Int) -> CheckedContinuation<Void, Never>? {
        guard let waiter, waiter.generation == generation else {
            firedEarly = generation
            return nil
        }
        self.waiter = nil
        return waiter.continuation
    }

    /// A record was appended; a full batch ends the wait.
    mutating func recordAppended(_ record: AuditRecord, batchSize: Int) -> CheckedContinuation<Void, Never>? {
        pending.append(record)
        return pending.count >= batchSize ? takeWaiter() : nil
    }

    /// Shutdown was asked for: the wait ends and the run loop stops after a final flush.
    mutating func finishRequested() -> CheckedContinuation<Void, Never>? {
        finished = true
        return takeWaiter()
    }

    /// Removes and returns up to `size` of the oldest pending records.
    mutating func batchTaken(size: Int) -> [AuditRecord] {
        let batch = Array(pending.prefix(size))
        pending.removeFirst(batch.count)
        return batch
    }

    /// A batch could not be written: it goes back in front, to be retried first.
    mutating func batchFailed(_ batch: [AuditRecord]) {
        pending.insert(contentsOf: batch, at: 0)
    }

    private mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
        defer { waiter = nil }
        return waiter?.continuation
    }
}
