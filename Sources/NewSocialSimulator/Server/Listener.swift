import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Binds HTTP/1.1 listeners (keep-alive, pipelining assistance) on an event loop group.
enum Listener {
    /// Binds one listener whose connections each get a fresh handler from `makeHandler`.
    /// - Parameters:
    ///   - tls: When set, every connection starts with a TLS handshake (HTTPS).
    ///   - onAccept: Called for each accepted connection, with a future completing at its close.
    /// - Throws: The bind error (port in use, bad host).
    static func bind<Handler: ChannelInboundHandler & RemovableChannelHandler>(
        host: String, port: Int, group: any EventLoopGroup, tls: NIOSSLContext? = nil,
        onAccept: @escaping @Sendable (EventLoopFuture<Void>) -> Void,
        makeHandler: @escaping @Sendable () -> Handler
    ) async throws -> any Channel where Handler.InboundIn == HTTPServerRequestPart {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                onAccept(channel.closeFuture)
                return channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(makeHandler())
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}
