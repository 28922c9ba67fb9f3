import AuditTrail
import CallerAuth
import Logging
import PrivateFiles
import ServiceLifecycle

/// Re-reads the callers' JWKS file when it changes, so keys rotate without a restart; a broken
/// file keeps the last good keys.
public struct JWKSReloadService: Service {
    let keyStore: JWKSKeyStore
    let interval: Duration
    let logger: Logger

    public init(keyStore: JWKSKeyStore, interval: Duration = .seconds(2), logger: Logger) {
        self.keyStore = keyStore
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        // The store logs each reload and each rejected file itself (path, keys, reason).
        await FileWatch(path: keyStore.path, interval: interval).run(stopping: { Task.isShuttingDownGracefully }) {
            _ = try? await keyStore.reloadIfChanged()
        }
    }
}

/// Runs the audit writer for the life of the process and writes what is buffered on shutdown.
public struct AuditWriterService: Service {
    let writer: AuditWriter

    public init(writer: AuditWriter) {
        self.writer = writer
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await writer.run()
        } onGracefulShutdown: {
            writer.finish()
        }
    }
}
