import Synchronization

/// A value behind a lock, shareable between the sender, the request tasks and the progress line
/// (a `Mutex` itself cannot be captured by their closures: it is not copyable).
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with the value locked; never `await` inside.
    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
