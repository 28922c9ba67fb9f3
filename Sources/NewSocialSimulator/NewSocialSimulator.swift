import Logging
import NIOCore
import NIOPosix
import OCMWCore
import ServiceLifecycle
import Synchronization

import struct Foundation.Calendar
import struct Foundation.Date
import struct Foundation.TimeZone

/// Simulated New Social installations, one HTTP/1.1 listener per OCMW, with per-tenant fault
/// injection and connection statistics; optionally an admin listener to change faults at runtime.
public final class NewSocialSimulator: Service, Sendable {
    private let backends: [SimulatedBackend]
    private let host: String
    private let adminPort: Int?
    private let logger: Logger
    private let contexts: [TenantID: BackendContext]
    private let faults = FaultBoard()
    private let state = Mutex(State.idle)

    private enum State {
        case idle, starting, stopped
        case running(group: MultiThreadedEventLoopGroup, channels: [any Channel], ports: [TenantID: Int], adminPort: Int?)
    }

    /// Creates a simulator; nothing is bound before `start()`.
    /// - Parameters:
    ///   - backends: The OCMWs to simulate (one listener each; tenant ids must be distinct).
    ///   - dataset: What the OCMWs know; each backend serves only the records of its tenant.
    ///   - host: The address to listen on.
    ///   - adminPort: Port of the admin listener (0 = ephemeral); `nil` for none.
    ///   - logger: Logs one line per listener on start.
    public init(
        backends: [SimulatedBackend], dataset: Dataset, host: String = "127.0.0.1", adminPort: Int? = nil,
        logger: Logger = Logger(label: "newsocial-sim")
    ) {
        self.backends = backends
        self.host = host
        self.adminPort = adminPort
        self.logger = logger
        var contexts: [TenantID: BackendContext] = [:]
        for backend in backends {
            contexts[backend.tenant] = BackendContext(
                tenant: backend.tenant, responder: Responder(tenant: backend.tenant, dialect: backend.dialect, dataset: dataset),
                faults: faults, counters: BackendCounters(), currentYear: Self.currentYear,
                access: BackendAccess(backend),
                submissions: SubmissionDesk(dialect: backend.dialect, ledger: SubmissionLedger()), today: Self.today)
        }
        self.contexts = contexts
    }

    /// Binds every listener.
    /// - Returns: The bound port of each tenant.
    /// - Throws: `SimulatorError` when already started, or the bind error (nothing stays bound then).
    @discardableResult
    public func start() async throws -> [TenantID: Int] {
        try state.withLock { state in
            guard case .idle = state else { throw SimulatorError("simulator already started (a simulator starts once)") }
            state = .starting
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: min(2, System.coreCount))
        var channels: [any Channel] = []
        do {
            var ports: [TenantID: Int] = [:]
            for backend in backends {
                guard let context = contexts[backend.tenant] else { continue }
                let tls = try backend.tls.map(ServerTLS.makeContext)
                let channel = try await naming(port: backend.port, of: "OCMW \(backend.tenant)") {
                    try await Listener.bind(
                        host: host, port: backend.port, group: group, tls: tls,
                        onAccept: { closed in
                            context.counters.connectionOpened()
                            closed.whenComplete { _ in context.counters.connectionClosed() }
                        },
                        makeHandler: { BackendHandler(context) })
                }
                channels.append(channel)
                ports[backend.tenant] = channel.localAddress?.port ?? backend.port
                logger.info(
                    "simulated New Social listening",
                    metadata: [
                        "tenant": "\(backend.tenant)", "dialect": "\(backend.dialect.rawValue)",
                        "address": "\(tls == nil ? "http" : "https")://\(host):\(ports[backend.tenant] ?? backend.port)",
                    ])
            }
            var boundAdmin: Int?
            if let adminPort {
                let admin = AdminContext(
                    tenants: backends.map(\.tenant), faults: faults,
                    counters: contexts.mapValues(\.counters), ledgers: contexts.mapValues(\.submissions.ledger))
                let channel = try await naming(port: adminPort, of: "the simulator's admin listener") {
                    try await Listener.bind(
                        host: host, port: adminPort, group: group, onAccept: { _ in },
                        makeHandler: { AdminHandler(admin) })
                }
                channels.append(channel)
                boundAdmin = channel.localAddress?.port ?? adminPort
                logger.info("simulator admin listening", metadata: ["address": "http://\(host):\(boundAdmin ?? adminPort)"])
            }
            state.withLock { $0 = .running(group: group, channels: channels, ports: ports, adminPort: boundAdmin) }
            return ports
        } catch {
            for channel in channels { try? await channel.close() }
            try? await group.shutdownGracefully()
            state.withLock { $0 = .idle }
            throw error
        }
    }

    /// Runs a bind, and names the address and what it was for when it fails: "address already in
    /// use" alone does not say which of a dozen listeners could not start.
    private func naming(
        port: Int, of what: String, _ bind: () async throws -> any Channel
    ) async throws -> any Channel {
        do {
            return try await bind()
        } catch {
            throw SimulatorError("cannot listen on \(host):\(port) for \(what): \(error)")
        }
    }

    /// Closes every listener and connection (hung ones included). Safe to call more than once.
    public func stop() async throws {
        let running = state.withLock { state -> (MultiThreadedEventLoopGroup, [any Channel])? in
            guard case .running(let group, let channels, _, _) = state else { return nil }
            state = .stopped
            return (group, channels)
        }
        guard let (group, channels) = running else { return }
        for channel in channels { try? await channel.close() }
        try await group.shutdownGracefully()
        logger.info("simulated New Social stopped")
    }

    /// Runs as a ServiceLifecycle service: starts (unless already started), serves until graceful
    /// shutdown or cancellation, then stops.
    public func run() async throws {
        let needsStart = state.withLock { state in
            if case .idle = state { return true }
            return false
        }
        if needsStart { try await start() }
        try? await gracefulShutdown()
        try await stop()
    }

    /// The bound port of each tenant; empty unless running.
    public var boundPorts: [TenantID: Int] {
        state.withLock { state in
            guard case .running(_, _, let ports, _) = state else { return [:] }
            return ports
        }
    }

    /// The bound port of the admin listener; `nil` unless running with one.
    public var boundAdminPort: Int? {
        state.withLock { state in
            guard case .running(_, _, _, let port) = state else { return nil }
            return port
        }
    }

    /// Sets the fault of a tenant, effective for the next request (`.none` heals it).
    public func setFault(_ fault: Fault, for tenant: TenantID) { faults.set(fault, for: tenant) }

    /// The fault currently in force for a tenant.
    public func fault(for tenant: TenantID) -> Fault { faults.fault(for: tenant) }

    /// Bearer tokens a tenant's OAuth2 endpoint has issued; 0 for a tenant without one.
    public func tokensIssued(for tenant: TenantID) -> Int { contexts[tenant]?.access.tokensIssued ?? 0 }

    /// Invalidates every bearer token a tenant's OAuth2 endpoint issued, so the next call with
    /// one gets `401` (as after a key rotation on the authorisation server).
    public func revokeTokens(for tenant: TenantID) { contexts[tenant]?.access.revokeTokens() }

    /// Counters of a tenant's backend since creation; zeros for a tenant not simulated.
    public func statistics(for tenant: TenantID) -> BackendStatistics {
        contexts[tenant]?.counters.snapshot ?? BackendStatistics()
    }

    /// Submission `POST`s a tenant's backend received (duplicates, refused ones and those a fault
    /// failed included); 0 for a tenant not simulated.
    public func submissionsReceived(for tenant: TenantID) -> Int { contexts[tenant]?.submissions.ledger.received ?? 0 }

    /// Distinct submissions a tenant's backend created (each idempotency key at most once).
    public func submissionsCreated(for tenant: TenantID) -> Int { contexts[tenant]?.submissions.ledger.created ?? 0 }

    /// Submissions a tenant's backend answered from its idempotency record (same key, same body)
    /// instead of creating them again.
    public func duplicatesAnswered(for tenant: TenantID) -> Int { contexts[tenant]?.submissions.ledger.duplicates ?? 0 }

    @Sendable private static func today() -> DayDate {
        let now = Date()
        let zone = TimeZone(identifier: "Europe/Brussels") ?? TimeZone(secondsFromGMT: 3_600) ?? .current
        return DayDate(now, utcOffsetSeconds: zone.secondsFromGMT(for: now))
    }

    @Sendable private static func currentYear() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}

/// A misuse of the simulator's lifecycle.
public struct SimulatorError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}
