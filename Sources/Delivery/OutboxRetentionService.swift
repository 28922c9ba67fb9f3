import Foundation
import Logging
import Outbox
import ServiceLifecycle

/// Applies the outbox's retention at start-up and then every `interval`: delivered submissions
/// are deleted after their days, failed ones lose their personal data after theirs.
///
/// Every instance on a shared database runs it; the deletes are idempotent, so two at once do
/// no harm. A store that cannot be written is logged and tried again at the next round.
public struct OutboxRetentionService: Service {
    let outbox: any OutboxStore
    let retention: OutboxRetention
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - interval: Between two applications; an hour by default (retention counts in days).
    ///   - now: The clock; injectable for tests.
    public init(
        outbox: any OutboxStore, retention: OutboxRetention, interval: Duration = .seconds(3_600),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.outbox = outbox
        self.retention = retention
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let outcome = try await retention.apply(to: outbox, now: now())
                if outcome.deliveredDeleted > 0 || outcome.failedPayloadsErased > 0 {
                    logger.info(
                        "outbox retention applied",
                        metadata: [
                            "delivered_deleted": "\(outcome.deliveredDeleted)",
                            "failed_payloads_erased": "\(outcome.failedPayloadsErased)",
                        ])
                }
            } catch {
                logger.warning("outbox retention failed; tried again later", metadata: ["error": "\(error)"])
            }
            // The interval is long (hours): a shutdown must not wait for it to pass.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
