import CurlClient
import Foundation
import Logging
import OCMWCore
import Outbox
import ServiceLifecycle
import Synchronization

/// Delivers accepted submissions to their OCMW's New Social, exactly once, with one worker per
/// tenant so a down OCMW's backlog never delays another's. Each delivery holds a lease in the
/// outbox (a crashed instance's lease expires and another instance takes over) and carries the
/// submission's id as `Idempotency-Key`, so a retry after a lost answer is no duplicate.
public final class DeliveryService: Service, Sendable {
    /// Delivery timing and patience.
    public struct Configuration: Sendable {
        /// How long a lease protects a delivery in progress.
        public var leaseDuration: Duration = .seconds(60)
        /// How often the outbox is asked for tenants with due work.
        public var pollInterval: Duration = .milliseconds(250)
        /// Attempts after which a submission is `failed`.
        public var maxAttempts: Int = 12
        /// Age after which a submission still not delivered is `failed`.
        public var maxAge: Duration = .seconds(7 * 24 * 3600)
        /// Backoff between attempts: exponential from `backoffBase`, capped, full jitter.
        public var backoffBase: Duration = .seconds(1)
        public var backoffCap: Duration = .seconds(300)
        /// Time allowed for one delivery call.
        public var callDeadline: Duration = .seconds(30)

        public init() {}
    }

    private let outbox: any OutboxStore
    private let registry: TenantRegistryStore
    private let gateway: BackendGateway
    private let configuration: Configuration
    private let owner: String
    private let logger: Logger
    /// Tenants with a worker running: one at a time per tenant.
    private let busy = Mutex<Set<TenantID>>([])

    init(outbox: any OutboxStore, registry: TenantRegistryStore, gateway: BackendGateway,
         configuration: Configuration, owner: String, logger: Logger) {
        self.outbox = outbox
        self.registry = registry
        self.gateway = gateway
        self.configuration = configuration
        self.owner = owner
        self.logger = logger
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                let due = (try? await outbox.tenantsWithDueWork(now: Date())) ?? []
                for tenant in due where busy.withLock({ $0.insert(tenant).inserted }) {
                    group.addTask {
                        await self.drain(tenant)
                        self.busy.withLock { _ = $0.remove(tenant) }
                    }
                }
                try? await Task.sleep(for: configuration.pollInterval)
            }
            group.cancelAll()
        }
    }

    /// Delivers everything due for one tenant, a few at a time, until nothing is due.
    func drain(_ tenant: TenantID) async {
        while !Task.isCancelled {
            let batch: [LeasedSubmission]
            do {
                batch = try await outbox.lease(tenant: tenant, owner: owner, now: Date(),
                                               leaseDuration: configuration.leaseDuration, limit: 8)
            } catch {
                logger.error("outbox lease failed", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
                return
            }
            guard !batch.isEmpty else { return }
            for leased in batch { await deliver(leased.submission) }
        }
    }

    private func deliver(_ submission: Submission) async {
        let now = Date()
        guard let tenant = registry.snapshot.tenant(submission.status.tenant), tenant.receivesTraffic else {
            await retryLater(submission, error: "OCMW not active", now: now)
            return
        }
        let wire: (path: String, body: [UInt8])?
        do {
            let envelope = try JSONDecoder().decode(SubmissionEnvelope.self, from: submission.payload.bytes)
            wire = try SubmissionWire.request(for: submission, envelope: envelope, dialect: tenant.backend.dialect)
        } catch {
            await fail(submission, reason: "stored submission unreadable", now: now)
            return
        }
        guard let wire else {
            await fail(submission, reason: "this OCMW does not take this kind of submission online", now: now)
            return
        }
        let outcome = await gateway.send(tenant, path: wire.path, body: wire.body,
                                         idempotencyKey: submission.id.uuidString.lowercased(),
                                         deadline: .now + configuration.callDeadline, requestID: submission.id.uuidString)
        switch outcome {
        case .ok(let response) where response.status == 200 || response.status == 201:
            // An answer we cannot read may hide a created submission: ask again with the same
            // key, and the OCMW answers with the original number.
            guard let number = SubmissionWire.number(in: response.body) else {
                await retryLater(submission, error: "answer unreadable", now: now)
                return
            }
            await record { try await outbox.markDelivered(id: submission.id, owner: owner, dossierNumber: number, now: Date()) }
            logger.info("submission delivered", metadata: ["tenant": "\(tenant.id)", "submission": "\(submission.id)"])
        case .ok(let response) where response.status == 409:
            await fail(submission, reason: "idempotency conflict at the OCMW", now: now)
        case .ok(let response) where (400..<500).contains(response.status) && ![408, 429].contains(response.status):
            await fail(submission, reason: "refused by the OCMW: \(SubmissionWire.error(in: response.body) ?? "status \(response.status)")",
                       now: now)
        case .ok(let response):
            await retryLater(submission, error: "status \(response.status)", now: now)
        case .noDossier:
            await retryLater(submission, error: "status 404", now: now)
        case .failed(let status, let reason):
            await retryLater(submission, error: "\(status.rawValue): \(reason)", now: now)
        }
    }

    private func retryLater(_ submission: Submission, error: String, now: Date) async {
        let age = now.timeIntervalSince(submission.status.createdAt)
        if submission.status.attempts >= configuration.maxAttempts || age >= Double(configuration.maxAge.components.seconds) {
            await fail(submission, reason: "not delivered after \(submission.status.attempts) attempts: \(error)", now: now)
            return
        }
        let exponent = Double(min(max(submission.status.attempts - 1, 0), 30))
        let ceiling = min(configuration.backoffCap.seconds, configuration.backoffBase.seconds * pow(2, exponent))
        let next = now.addingTimeInterval(Double.random(in: 0...ceiling))
        await record { try await outbox.markRetry(id: submission.id, owner: owner, error: error, nextAttemptAt: next, now: now) }
    }

    private func fail(_ submission: Submission, reason: String, now: Date) async {
        logger.warning("submission failed", metadata: ["tenant": "\(submission.status.tenant)", "submission": "\(submission.id)",
                                                       "reason": "\(reason)"])
        await record { try await outbox.markFailed(id: submission.id, owner: owner, reason: reason, now: now) }
    }

    private func record(_ write: () async throws -> Void) async {
        do { try await write() } catch {
            // The lease will expire and the delivery be retried; the OCMW deduplicates on the key.
            logger.error("outbox update failed", metadata: ["error": "\(error)"])
        }
    }
}

extension Duration {
    /// Seconds as a Double, for date arithmetic.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
