import Foundation
import Logging
import PrivateFiles
import ServiceLifecycle
import UnixSignals

/// Reloads the tenants file when it changes on disk: its fingerprint (a cheap `stat` that follows
/// symbolic links: modification time to the nanosecond, size, inode) is polled, so editors that
/// replace the file, ones that rewrite it, and a swapped link (a Kubernetes ConfigMap) all count.
public struct TenantFileWatcher: Service {
    package let path: String
    package let reloader: TenantReloader
    package let interval: Duration

    public init(path: String, reloader: TenantReloader, interval: Duration = .seconds(1)) {
        self.path = path
        self.reloader = reloader
        self.interval = interval
    }

    public func run() async throws {
        var last = fingerprint()
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                last = now
                await reloader.reload(trigger: .file)
            }
        }
    }

    private func fingerprint() -> FileFingerprint? {
        FileFingerprint(path: path)
    }
}

/// Reloads the tenants file on SIGHUP, the operators' usual "re-read your configuration".
public struct TenantSignalReloader: Service {
    package let reloader: TenantReloader

    public init(reloader: TenantReloader) {
        self.reloader = reloader
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals { await reloader.reload(trigger: .signal) }
        }
    }
}
