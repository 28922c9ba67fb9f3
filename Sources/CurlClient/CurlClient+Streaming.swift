/// A response whose body arrives as it is received, with backpressure toward the backend.
public struct StreamedResponse: Sendable {
    public let status: Int
    /// Header lines of the final response, names lowercased.
    public let headers: [HTTPHeader]
    /// The body, chunk by chunk; ends with the transfer, throws `CurlClientError` if it fails.
    public let body: StreamedBody

    /// The first header with this (lowercase) name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}

/// The body of a `StreamedResponse`. Iterate it once; stopping early (or cancelling the
/// iterating task) ends the transfer.
public struct StreamedBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    let sink: StreamSink
    let transfer: Task<Void, Never>

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sink: StreamSink
        let transfer: Task<Void, Never>

        public mutating func next() async throws -> [UInt8]? {
            do {
                return try await withTaskCancellationHandler {
                    try await sink.next()
                } onCancel: { [transfer] in
                    transfer.cancel()
                }
            } catch {
                transfer.cancel()
                throw error
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sink: sink, transfer: transfer) }

    /// Ends the transfer without reading the rest.
    public func cancel() { transfer.cancel() }
}

extension CurlClient {
    /// Performs a request and returns as soon as its status and headers are in; the body then
    /// streams through `StreamedResponse.body`. While the consumer is behind, the transfer is
    /// paused (memory stays bounded by about 256 KiB per transfer, whatever the body's size).
    /// - Parameter deadline: The time allowed for the answer's head (status and first bytes).
    ///   The body then has the request's `totalTimeoutMs`: a caller that reads a large document
    ///   slowly must not be cut off by a deadline meant for getting an answer.
    /// - Throws: `CurlClientError` when the transfer fails before the first body byte
    ///   (`.timedOut` when the deadline passes first).
    public func stream(_ request: HTTPRequest, deadline: ContinuousClock.Instant? = nil) async throws(CurlClientError) -> StreamedResponse {
        let box = TransferBox()
        let sink = StreamSink(gauge: streamGauge) { [loop] in if let transfer = box.transfer { loop.unpause(transfer) } }
        let task = Task { [self] in
            do {
                _ = try await self.execute(request, deadline: nil, sink: sink, created: { box.transfer = $0 })
            } catch let error as CurlClientError {
                // Failures before the transfer existed (deadline already passed) end the stream too.
                sink.finish(error, head: .init(status: 0, headers: []))
            } catch {
                sink.finish(CurlClientError(.transport, detail: "\(error)"), head: .init(status: 0, headers: []))
            }
        }
        let watchdog = deadline.map { deadline in
            Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                guard !Task.isCancelled else { return }
                if sink.expire(CurlClientError(.timedOut, detail: "no answer before the deadline")) { task.cancel() }
            }
        }
        defer { watchdog?.cancel() }
        do {
            let head = try await sink.head()
            return StreamedResponse(status: head.status, headers: head.headers, body: StreamedBody(sink: sink, transfer: task))
        } catch {
            task.cancel()
            throw error
        }
    }
}

/// Lets the sink's resume callback reach the transfer created after it.
///
/// Safety: `@unchecked Sendable` because `transfer` is written once, before the transfer is
/// submitted to the loop, and read only afterwards (a resume can only follow a pause, which
/// follows the submission).
final class TransferBox: @unchecked Sendable {
    var transfer: Transfer?
}
