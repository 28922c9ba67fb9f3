import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Whether the shared database answers, checked with `SELECT 1` every `interval`, so readiness
/// can say "unavailable" when an instance has lost it (a load balancer then sends its requests
/// to an instance that still reaches it) without a round trip per health check.
///
/// A check that does not answer within `timeout` counts as lost: a database behind a dropped
/// network link does not refuse, it stays silent.
public final class PostgresReachability: Service, Sendable {
    private let client: PostgresClient
    private let logger: Logger
    private let interval: Duration
    private let timeout: Duration
    private let reachable = Atomic<Bool>(true)

    /// - Parameters:
    ///   - client: A running client (its `run()` outlives this service).
    ///   - interval: Time between checks.
    ///   - timeout: How long a check may take before the database counts as lost.
    public init(client: PostgresClient, logger: Logger, interval: Duration = .seconds(1), timeout: Duration = .seconds(2)) {
        self.client = client
        self.logger = logger
        self.interval = interval
        self.timeout = timeout
    }

    /// Whether the last check was answered (true before the first: the stores were just opened
    /// on it).
    public var isReachable: Bool { reachable.load(ordering: .relaxed) }

    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                record(await check())
                try? await Task.sleep(for: interval)
            }
        }
    }

    private func check() async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [client, logger] in
                do {
                    for try await _ in try await client.query("SELECT 1", logger: logger) {}
                    return true
                } catch {
                    return false
                }
            }
            group.addTask { [timeout] in
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    private func record(_ answered: Bool) {
        let was = reachable.exchange(answered, ordering: .relaxed)
        if was && !answered {
            logger.error("database not reachable: readiness answers 503 until it is")
        } else if !was && answered {
            logger.notice("database reachable again")
        }
    }
}
