import Foundation
import Logging
import PrivateFiles
import ServiceLifecycle
import UnixSignals

/// Reloads the tenants file when it changes on disk (`FileWatch`: its fingerprint polled, so
/// editors that replace the file, ones that rewrite it, and a swapped link all count).
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
        await FileWatch(path: path, interval: interval).run(stopping: { Task.isShuttingDownGracefully }) {
            await reloader.reload(trigger: .file)
        }
    }
}

/// On SIGHUP, the operators' usual "re-read your configuration", reloads the tenants file and
/// everything else the process reads from files (the callers' JWKS), whether or not they look
/// changed.
public struct TenantSignalReloader: Service {
    package let reloader: TenantReloader
    package let alsoReload: [@Sendable () async -> Void]

    /// - Parameter alsoReload: What else to re-read on the signal, after the tenants file.
    public init(reloader: TenantReloader, alsoReload: [@Sendable () async -> Void] = []) {
        self.reloader = reloader
        self.alsoReload = alsoReload
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                await reloader.reload(trigger: .signal)
                for reload in alsoReload { await reload() }
            }
        }
    }
}
