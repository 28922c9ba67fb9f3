import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An async HTTP client over one libcurl multi handle, driven by a dedicated thread.
///
/// Many concurrent transfers share the one multi handle and its connection pool: no thread per
/// request, and easy handles are recycled. Run it as a `Service` (or with `withRunning`): requests
/// submitted before `run()` starts wait for it.
public final class CurlClient: Service, Sendable {
    /// Pool-wide settings. Per-request limits travel with each `HTTPRequest`.
    public struct Configuration: Sendable {
        /// Open connections allowed per host:port (keep-alive pool and in use together).
        public var maxConnectionsPerHost: Int
        /// Idle connections kept open for reuse across all hosts.
        public var maxCachedConnections: Int
        /// Easy handles kept for reuse instead of being freed.
        public var maxIdleHandles: Int

        public init(maxConnectionsPerHost: Int = 64, maxCachedConnections: Int = 1_024, maxIdleHandles: Int = 256) {
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.maxCachedConnections = maxCachedConnections
            self.maxIdleHandles = maxIdleHandles
        }
    }

    let loop: MultiLoop
    let streamGauge = StreamBufferGauge()
    private let logger: Logger
    private let started = Mutex(false)
    private let running = Mutex(false)

    /// What streamed responses have held in memory so far (see `stream`).
    public var streamBufferStatistics: StreamBufferStatistics { streamGauge.statistics }

    /// Whether the multi loop thread is running (between `run()` starting and shutting down).
    public var isRunning: Bool { running.withLock { $0 } }

    public init(configuration: Configuration = .init(), logger: Logger) {
        self.loop = MultiLoop(
            configuration: .init(
                maxConnectionsPerHost: configuration.maxConnectionsPerHost,
                maxCachedConnections: configuration.maxCachedConnections,
                maxIdleHandles: configuration.maxIdleHandles))
        self.logger = logger
    }

    /// Changes the cap on open connections per host:port (`Configuration.maxConnectionsPerHost`)
    /// while the client runs, e.g. when a reload changed the tenants' limits. Applied by the
    /// loop thread at its next turn.
    public func setMaxConnectionsPerHost(_ cap: Int) {
        loop.setHostConnectionCap(max(1, cap))
    }

    /// The per-host connection cap curl works with now (the last one the loop applied).
    public var maxConnectionsPerHost: Int { loop.appliedHostConnectionCap.withLock { $0 } }

    /// Performs one request.
    /// - Parameters:
    ///   - request: What to send, with its own connect/total timeouts and size cap.
    ///   - deadline: The caller's deadline; the transfer's total timeout is shortened to it.
    /// - Returns: The complete response, whatever its status code.
    /// - Throws: `CurlClientError`; cancelling the calling task fails it with `.cancelled` at once
    ///   and takes the transfer out of the multi handle.
    public func execute(_ request: HTTPRequest, deadline: ContinuousClock.Instant? = nil) async throws(CurlClientError) -> HTTPResponse {
        try await execute(request, deadline: deadline, sink: nil, created: { _ in })
    }

    /// `execute`, optionally streaming the body into `sink`; `created` sees the transfer before
    /// it is submitted.
    func execute(
        _ request: HTTPRequest, deadline: ContinuousClock.Instant?, sink: StreamSink?,
        created: (Transfer) -> Void
    ) async throws(CurlClientError) -> HTTPResponse {
        var timeoutMs = request.totalTimeoutMs
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw CurlClientError(.timedOut, detail: "deadline already passed") }
            let (seconds, attoseconds) = left.components
            timeoutMs = min(timeoutMs, Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000))
            timeoutMs = max(timeoutMs, 1)
        }
        let transfer = Transfer(request: request, timeoutMs: timeoutMs, sink: sink)
        created(transfer)
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    if transfer.install(continuation) {
                        loop.submit(transfer)
                    } else {
                        continuation.resume(throwing: CurlClientError.cancelled)
                    }
                }
            } onCancel: {
                if transfer.finish(.failure(.cancelled)) { loop.remove(transfer) }
            }
        } catch let error as CurlClientError {
            throw error
        } catch {
            throw CurlClientError(.transport, detail: "\(error)")
        }
    }

    /// Runs the multi loop on its own thread until graceful shutdown or cancellation, then fails
    /// whatever is still in flight with `.shutdown`.
    public func run() async throws {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        precondition(first, "CurlClient.run() called twice")
        let loop = self.loop
        let done = AsyncStream<Void>.makeStream()
        let thread = Thread {
            loop.run()
            done.continuation.finish()
        }
        thread.name = "curl-multi"
        thread.start()
        running.withLock { $0 = true }
        logger.debug("curl multi loop started")
        try? await gracefulShutdown()
        running.withLock { $0 = false }
        loop.stop()
        for await _ in done.stream {}
        logger.debug("curl multi loop stopped")
    }
}
