import Logging
import OCMWCore
import PostgresNIO
import ServiceLifecycle

import struct Foundation.Calendar
import struct Foundation.Date

/// Hears what every instance writes to the shared routing index (`LISTEN` on
/// `PostgresRoutingIndex.changeChannel`) and hands each change to `onChange`, so that this
/// instance's look-up caches forget a stale answer within moments instead of a TTL later.
/// Listens on the index's `changeChannel` (the default one unless told otherwise).
///
/// Holds one connection of the pool for as long as it runs. When the connection is lost it
/// listens again after `retryDelay`; announcements sent meanwhile are lost, so each (re)start
/// hands on `.everything` first — the caches' TTL stays the fallback only while the database
/// cannot be reached at all.
public struct PostgresRoutingChangeListener: Service {
    private let client: PostgresClient
    private let logger: Logger
    private let retryDelay: Duration
    private let channel: String
    private let onChange: @Sendable (RoutingIndexChange) -> Void

    /// - Parameters:
    ///   - client: A running client (its `run()` outlives this service).
    ///   - retryDelay: How long to wait before listening again after a lost connection.
    ///   - channel: The channel the indexes announce on.
    ///   - onChange: Called for each change, on the listener's task; keep it quick.
    public init(
        client: PostgresClient, logger: Logger, retryDelay: Duration = .seconds(1),
        channel: String = PostgresRoutingIndex.defaultChangeChannel,
        onChange: @escaping @Sendable (RoutingIndexChange) -> Void
    ) {
        self.channel = channel
        self.client = client
        self.logger = logger
        self.retryDelay = retryDelay
        self.onChange = onChange
    }

    public func run() async throws {
        // Graceful shutdown ends the wait for the next announcement, as cancellation does.
        await cancelWhenGracefulShutdown {
            await listenUntilCancelled()
        }
    }

    private func listenUntilCancelled() async {
        var failing = false
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: channel) { announcements in
                        if failing { logger.notice("routing announcements heard again") }
                        failing = false
                        onChange(.everything)
                        for try await announcement in announcements {
                            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
                            onChange(RoutingIndexChange(payload: announcement.payload, currentYear: year))
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                if !failing {
                    logger.warning(
                        "routing announcements not heard: cached look-ups expire by their TTL until they are",
                        metadata: ["error": "\(String(reflecting: error))"])
                }
                failing = true
            }
            try? await Task.sleep(for: retryDelay)
        }
    }
}
