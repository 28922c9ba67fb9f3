import Logging
import Synchronization

/// Captures log records in memory so tests can inspect what was logged, without bootstrapping
/// the global logging system.
public final class LogCapture: Sendable {
    /// One captured record, with message and metadata rendered to text.
    public struct Record: Sendable {
        public let level: Logger.Level
        public let message: String
        public let metadata: [String: String]

        /// The whole record as one line, for scanning.
        public var line: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    private let storage = Mutex<[Record]>([])

    public init() {}

    /// A logger whose records land in this capture.
    public func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in InMemoryLogHandler(capture: self) }
        logger.logLevel = level
        return logger
    }

    public var records: [Record] { storage.withLock { $0 } }

    fileprivate func append(_ record: Record) {
        storage.withLock { $0.append(record) }
    }
}

struct InMemoryLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        capture.append(
            .init(
                level: event.level, message: "\(event.message)",
                metadata: merged.mapValues { "\($0)" }))
    }
}
