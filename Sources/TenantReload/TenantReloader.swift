import Foundation
import Logging
import OCMWCore
import Observability
import Synchronization

/// Reloads `tenants.json` into the registry store: validated whole, swapped atomically, or
/// rejected whole with the last good snapshot kept. Every attempt is logged, counted, timed and
/// kept for the admin endpoint.
///
/// The work runs on a background thread of its own (never on the threads serving requests), one
/// reload at a time, and costs little when little changed: a file identical to the one in force
/// is not decoded at all, and tenants whose entries did not change are taken over from the
/// snapshot in force without being validated again.
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
        public var lastResult: ReloadResult?
        /// What triggered the last attempt: `file`, `signal`, `admin`.
        public var lastTrigger: ReloadTrigger?
        /// The problems of the last rejected file (tenant and field named), empty after a success.
        public var lastProblems: [String] = []
        /// How long the last attempt took to read, decode, validate and swap, in milliseconds
        /// (wall time on the reload thread, including waiting for a core).
        public var lastDurationMs: Double?
        /// CPU time the last attempt used, in milliseconds.
        public var lastCPUMs: Double?
        /// Tenants of the last successful reload taken over unchanged from the previous snapshot.
        public var lastReusedTenants: Int?
    }

    /// The outcome of one reload attempt.
    public enum Outcome: Sendable, Equatable {
        case reloaded(tenants: Int)
        case rejected(problems: [String])
    }

    /// One attempt as the background thread saw it.
    private struct Attempt: Sendable {
        var outcome: Outcome
        var duration: Duration
        var reused: Int
        var cpu: Duration = .zero
    }

    private let path: String
    private let store: TenantRegistryStore
    private let metrics: ProxyMetrics
    private let logger: Logger
    private let state: Mutex<Status>
    /// The last snapshot a reload made and the bytes it was made from (only the reload thread
    /// uses it; the mutex makes that visible across the thread's restarts).
    private let loaded = Mutex<(data: Data, registry: TenantRegistry)?>(nil)
    private let worker = BackgroundThread(name: "tenant-reload")
    /// Problems that keep a valid file out of force all the same (an active tenant whose secret
    /// is missing), each naming tenant, field and what to fix.
    private let credentialProblems: @Sendable (TenantRegistry) -> [String]
    /// Told of every registry a reload puts in force (after the swap, on the reload thread).
    private let observers = Mutex<[@Sendable (TenantRegistry) -> Void]>([])

    /// - Parameter credentialProblems: Checked on every reload, after validation; a non-empty
    ///   answer rejects the file. None by default.
    public init(
        path: String, store: TenantRegistryStore, metrics: ProxyMetrics, logger: Logger,
        credentialProblems: @escaping @Sendable (TenantRegistry) -> [String] = { _ in [] }
    ) {
        self.credentialProblems = credentialProblems
        self.path = path
        self.store = store
        self.metrics = metrics
        self.logger = logger
        state = Mutex(Status(path: path, tenants: store.snapshot.tenants.count))
    }

    public var status: Status { state.withLock { $0 } }

    /// Calls `observer` with each registry a reload puts in force, for what the registry store
    /// does not carry itself (curl's per-host connection cap).
    public func onReloaded(_ observer: @escaping @Sendable (TenantRegistry) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Reads, validates and swaps in the file on the reload thread; on any problem keeps the
    /// current snapshot.
    @discardableResult
    public func reload(trigger: ReloadTrigger) async -> Outcome {
        let attempt = await worker.run { [self] in
            let cpuBefore = BackgroundThread.threadCPUTime()
            var attempt = load()
            attempt.cpu = BackgroundThread.threadCPUTime() - cpuBefore
            return attempt
        }
        let milliseconds = attempt.duration.fractionalMilliseconds
        state.withLock { status in
            status.reloads += 1
            status.lastAttempt = Date()
            status.lastTrigger = trigger
            status.lastDurationMs = milliseconds
            status.lastCPUMs = attempt.cpu.fractionalMilliseconds
            switch attempt.outcome {
            case .reloaded(let tenants):
                status.tenants = tenants
                status.lastSuccess = status.lastAttempt
                status.lastResult = .ok
                status.lastProblems = []
                status.lastReusedTenants = attempt.reused
            case .rejected(let problems):
                status.rejected += 1
                status.lastResult = .rejected
                status.lastProblems = problems
            }
        }
        metrics.reloadDuration(attempt.duration)
        switch attempt.outcome {
        case .reloaded(let tenants):
            metrics.reload(succeeded: true)
            logger.info(
                "tenants reloaded",
                metadata: [
                    "trigger": "\(trigger)", "tenants": "\(tenants)",
                    "reused": "\(attempt.reused)",
                    "duration_ms": "\(String(format: "%.2f", milliseconds))",
                ])
        case .rejected(let problems):
            metrics.reload(succeeded: false)
            logger.error(
                "tenants file rejected, keeping the last good configuration",
                metadata: ["trigger": "\(trigger)", "problems": "\(problems.joined(separator: "; "))"])
        }
        return attempt.outcome
    }

    /// The reload itself; runs on the reload thread.
    private func load() -> Attempt {
        let started = ContinuousClock.now
        let current = store.snapshot
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if loaded.withLock({ $0.map { $0.registry === current && $0.data == data } ?? false }) {
                // The very file the snapshot in force was made from; its secrets may have gone since.
                let missing = credentialProblems(current)
                guard missing.isEmpty else {
                    return Attempt(outcome: .rejected(problems: missing), duration: started.duration(to: .now), reused: 0)
                }
                return Attempt(
                    outcome: .reloaded(tenants: current.tenants.count), duration: started.duration(to: .now),
                    reused: current.tenants.count)
            }
            let registry = try TenantRegistry(jsonData: data, reusing: current)
            let missing = credentialProblems(registry)
            guard missing.isEmpty else {
                return Attempt(outcome: .rejected(problems: missing), duration: started.duration(to: .now), reused: 0)
            }
            store.replace(with: registry)
            loaded.withLock { $0 = (data, registry) }
            for observer in observers.withLock({ $0 }) { observer(registry) }
            return Attempt(
                outcome: .reloaded(tenants: registry.tenants.count), duration: started.duration(to: .now),
                reused: registry.reusedTenants)
        } catch let error as TenantValidationErrors {
            return Attempt(
                outcome: .rejected(problems: error.problems.map(\.description)),
                duration: started.duration(to: .now), reused: 0)
        } catch {
            return Attempt(
                outcome: .rejected(problems: ["cannot read \(path): \(error.localizedDescription)"]),
                duration: started.duration(to: .now), reused: 0)
        }
    }
}
