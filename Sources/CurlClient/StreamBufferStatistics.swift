import Synchronization

/// What streamed responses held in memory, over a client's life: the evidence that a large
/// download through a slow reader stays bounded (the test of a 20 MB certificate reads it).
public struct StreamBufferStatistics: Sendable, Equatable {
    /// The most body bytes one stream held at once, waiting for its consumer.
    public var maxBufferedBytes = 0
    /// How often a transfer was paused because its consumer was behind.
    public var pauses = 0
    /// Body bytes taken from servers by all streams.
    public var bytesReceived = 0
}

/// The client's shared `StreamBufferStatistics`, updated by every `StreamSink`.
final class StreamBufferGauge: Sendable {
    private let value = Mutex(StreamBufferStatistics())

    var statistics: StreamBufferStatistics { value.withLock { $0 } }

    func accepted(_ bytes: Int, nowBuffered: Int) {
        value.withLock {
            $0.bytesReceived += bytes
            $0.maxBufferedBytes = max($0.maxBufferedBytes, nowBuffered)
        }
    }

    func paused() { value.withLock { $0.pauses += 1 } }
}
