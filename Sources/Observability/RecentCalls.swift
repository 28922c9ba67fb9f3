import OCMWCore
import Synchronization

/// The recent backend calls of every tenant × part, in memory, for the status page (`/admin`,
/// `/admin/status.json`). Fed from the same place as the Prometheus call metrics.
public final class RecentCalls: Sendable {
    package struct Key: Hashable, Sendable {
        package let tenant: TenantID
        package let part: String
    }

    /// How far back the summaries look.
    package let window: Duration
    private let capacity: Int
    private let windows = Mutex<[Key: RecentCallWindow<ContinuousClock.Instant>]>([:])

    /// - Parameters:
    ///   - window: How far back the summaries look (5 minutes by default).
    ///   - capacity: The most samples kept per tenant × part.
    public init(window: Duration = .seconds(300), capacity: Int = 256) {
        self.window = window
        self.capacity = capacity
    }

    /// A backend call finished. `outcome` is the metric label of its `PartOutcome`: `ok`,
    /// `noDossier` and `notSupported` are answers, everything else a failure.
    package func record(tenant: TenantID, part: String, outcome: String, duration: Duration) {
        // A switch, not an array literal: this runs on every backend call.
        let failed =
            switch outcome {
            case "ok", "noDossier", "notSupported": false
            default: true
            }
        let now = ContinuousClock.now
        windows.withLock { windows in
            windows[Key(tenant: tenant, part: part), default: RecentCallWindow(capacity: capacity)]
                .record(at: now, duration: duration, failed: failed)
        }
    }

    /// Each part's summary for every tenant that made calls, parts sorted by name.
    package func summaries() -> [TenantID: [(part: String, summary: RecentCallWindow<ContinuousClock.Instant>.Summary)]] {
        let now = ContinuousClock.now
        // Copy under the lock, summarise (sorting) outside it: the request path must not wait.
        let copied = windows.withLock { $0 }
        var result: [TenantID: [(part: String, summary: RecentCallWindow<ContinuousClock.Instant>.Summary)]] = [:]
        for (key, window) in copied {
            result[key.tenant, default: []].append((key.part, window.summary(now: now, window: self.window)))
        }
        return result.mapValues { $0.sorted { $0.part < $1.part } }
    }
}
