import Foundation
import Logging
import OCMWCore
import Synchronization

/// Reloads `tenants.json` into the registry store: validated whole, swapped atomically, or
/// rejected whole with the last good snapshot kept. Every attempt is logged, counted and kept
/// for the admin endpoint.
public final class TenantReloader: Sendable {
    /// What the admin endpoint shows about reloads.
    public struct Status: Sendable, Encodable {
        /// The file reloads read.
        public var path: String
        /// Tenants in the snapshot in force.
        public var tenants: Int
        public var reloads: Int = 0
        public var rejected: Int = 0
        public var lastAttempt: Date?
        public var lastSuccess: Date?
        /// `ok` or `rejected`; nil before the first reload.
        public var lastResult: String?
        /// What triggered the last attempt: `file`, `signal`, `admin`.
        public var lastTrigger: String?
        /// The problems of the last rejected file (tenant and field named), empty after a success.
        public var lastProblems: [String] = []
    }

    /// The outcome of one reload attempt.
    public enum Outcome: Sendable, Equatable {
        case reloaded(tenants: Int)
        case rejected(problems: [String])
    }

    private let path: String
    private let store: TenantRegistryStore
    private let metrics: ProxyMetrics
    private let logger: Logger
    private let state: Mutex<Status>

    public init(path: String, store: TenantRegistryStore, metrics: ProxyMetrics, logger: Logger) {
        self.path = path
        self.store = store
        self.metrics = metrics
        self.logger = logger
        state = Mutex(Status(path: path, tenants: store.snapshot.tenants.count))
    }

    public var status: Status { state.withLock { $0 } }

    /// Reads, validates and swaps in the file; on any problem keeps the current snapshot.
    @discardableResult
    public func reload(trigger: String) -> Outcome {
        let started = ContinuousClock.now
        let outcome: Outcome
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let registry = try TenantRegistry(jsonData: data)
            store.replace(with: registry)
            outcome = .reloaded(tenants: registry.tenants.count)
        } catch let error as TenantValidationErrors {
            outcome = .rejected(problems: error.problems.map(\.description))
        } catch {
            outcome = .rejected(problems: ["cannot read \(path): \(error.localizedDescription)"])
        }
        let elapsed = started.duration(to: .now)
        state.withLock { status in
            status.reloads += 1
            status.lastAttempt = Date()
            status.lastTrigger = trigger
            switch outcome {
            case .reloaded(let tenants):
                status.tenants = tenants
                status.lastSuccess = status.lastAttempt
                status.lastResult = "ok"
                status.lastProblems = []
            case .rejected(let problems):
                status.rejected += 1
                status.lastResult = "rejected"
                status.lastProblems = problems
            }
        }
        switch outcome {
        case .reloaded(let tenants):
            metrics.reload(succeeded: true)
            logger.info("tenants reloaded", metadata: ["trigger": "\(trigger)", "tenants": "\(tenants)",
                                                       "duration_ms": "\(elapsed.milliseconds)"])
        case .rejected(let problems):
            metrics.reload(succeeded: false)
            logger.error("tenants file rejected, keeping the last good configuration",
                         metadata: ["trigger": "\(trigger)", "problems": "\(problems.joined(separator: "; "))"])
        }
        return outcome
    }
}

extension Duration {
    /// Whole milliseconds, for logs and timeouts.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
