import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with `MalformedFramingGuard` placed right behind the request
/// parser, where a parse error is seen before the application's request stream races it.
struct GuardedHTTP1Channel: ServerChildChannel {
    let inner: HTTP1Channel
    /// Where the guard logs refused requests.
    let logger: Logger

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        let guardLogger = self.logger
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let parser = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(MalformedFramingGuard(logger: guardLogger), position: .after(parser))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 as `.http1(configuration:)`, with malformed framing answered by
    /// `MalformedFramingGuard` (a problem, logged at info) instead of reaching the routes.
    static func guardedHTTP1(configuration: HTTP1Channel.Configuration = .init(), logger: Logger) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: configuration), logger: logger)
        }
    }
}
