import BackendAccess
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
        /// Deliveries in flight at once per tenant; never more than half the tenant's
        /// `maxInFlight`, so its reads keep the other half while a backlog drains.
        public var maxConcurrentDeliveries: Int = 8

        public init() {}
    }

    package let outbox: any OutboxStore
    private let registry: TenantRegistryStore
    private let gateway: BackendGateway
    package let configuration: Configuration
    package let owner: String
    package let logger: Logger
    /// Tenants with a worker running: one at a time per tenant.
    private let busy = Mutex<Set<TenantID>>([])
    /// Tenants with a delivery put off for a retry since their last successful one.
    package let failing = Mutex<Set<TenantID>>([])

    package init(
        outbox: any OutboxStore, registry: TenantRegistryStore, gateway: BackendGateway,
        configuration: Configuration, owner: String, logger: Logger
    ) {
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

    /// Delivers everything due for one tenant, `width` at a time, until nothing is due.
    ///
    /// One at a time, a backlog of 10 000 waits for 10 000 round trips in a row; the tenant's
    /// bulkhead would allow more. A window of `width` deliveries keeps that many calls in flight
    /// (a slow one does not hold up the rest) and leases a few windows at once, so the lease
    /// transaction is not paid per submission.
    package func drain(_ tenant: TenantID) async {
        while !Task.isCancelled {
            let width = deliveryWidth(tenant)
            let batch: [LeasedSubmission]
            do {
                batch = try await outbox.lease(
                    tenant: tenant, owner: owner, now: Date(),
                    leaseDuration: configuration.leaseDuration, limit: width * 4)
            } catch {
                logger.error("outbox lease failed", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
                return
            }
            guard !batch.isEmpty else { return }
            let delivered = await withTaskGroup(of: Bool.self) { group in
                for leased in batch.prefix(width) {
                    group.addTask { await self.deliver(leased.submission) }
                }
                var waiting = batch.dropFirst(width)
                var delivered = false
                while let done = await group.next() {
                    delivered = delivered || done
                    if let leased = waiting.popFirst() { group.addTask { await self.deliver(leased.submission) } }
                }
                return delivered
            }
            if delivered, failing.withLock({ $0.remove(tenant) != nil }) { await expedite(tenant) }
        }
    }

    /// The OCMW took a submission after failing: whatever waits out a backoff for it goes now,
    /// instead of each submission finding out on its own, up to minutes later.
    private func expedite(_ tenant: TenantID) async {
        do {
            let due = try await outbox.expediteRetries(tenant: tenant, now: Date())
            if due > 0 { logger.info("OCMW answers again, backlog due", metadata: ["tenant": "\(tenant)", "submissions": "\(due)"]) }
        } catch {
            logger.error("outbox update failed", metadata: ["error": "\(error)"])
        }
    }

    /// Deliveries in flight at once for `tenant`: the configured window, within half its bulkhead.
    private func deliveryWidth(_ tenant: TenantID) -> Int {
        let bulkhead = registry.snapshot.tenant(tenant)?.limits.maxInFlight ?? 1
        return max(1, min(configuration.maxConcurrentDeliveries, bulkhead / 2))
    }

    /// - Returns: Whether the OCMW took it.
    private func deliver(_ submission: Submission) async -> Bool {
        let now = Date()
        guard let tenant = registry.snapshot.tenant(submission.status.tenant), tenant.receivesTraffic else {
            await retryLater(submission, because: .ocmwInactive, now: now)
            return false
        }
        let wire: (path: String, body: [UInt8])?
        do {
            let envelope = try JSONDecoder().decode(SubmissionEnvelope.self, from: submission.payload.bytes)
            wire = try SubmissionWire.request(for: submission, envelope: envelope, dialect: tenant.backend.dialect)
        } catch {
            await fail(submission, because: .unreadable, now: now)
            return false
        }
        guard let wire else {
            await fail(submission, because: .notOffered, now: now)
            return false
        }
        // Accepted before the door measured it (or the tenant's dialect changed since): the OCMW
        // would refuse it every time.
        guard wire.body.count <= SubmissionWire.maxBodyBytes else {
            await fail(submission, because: .tooLarge, now: now)
            return false
        }
        let outcome = await gateway.send(
            tenant, path: wire.path, body: wire.body,
            idempotencyKey: submission.id.uuidString.lowercased(), requestID: submission.id.uuidString)
        switch outcome {
        case .ok(let response) where response.status == 200 || response.status == 201:
            // An answer we cannot read may hide a created submission: ask again with the same
            // key, and the OCMW answers with the original number.
            guard let number = SubmissionWire.number(in: response.body) else {
                await retryLater(submission, because: .backendError, now: now)
                return false
            }
            await record { try await outbox.markDelivered(id: submission.id, owner: owner, dossierNumber: number, now: Date()) }
            logger.info("submission delivered", metadata: ["tenant": "\(tenant.id)", "submission": "\(submission.id)"])
            return true
        case .ok(let response):
            // Only the status is read: the body of a refusal is the installation's own text, which
            // may name the citizen, and goes no further than this.
            let failure = Self.failure(status: response.status)
            if failure.isRetried {
                await retryLater(submission, because: failure, now: now)
            } else {
                await fail(submission, because: failure, now: now)
            }
        case .noDossier:
            await retryLater(submission, because: .backendError, now: now)
        case .failed(let status, _):
            await retryLater(submission, because: DeliveryFailure(status), now: now)
        }
        return false
    }

    /// The category of an answer other than 200/201 (docs/newsocial-api.md, "Submissions").
    package static func failure(status: Int) -> DeliveryFailure {
        switch status {
        case 409: .idempotencyConflict
        case 413: .tooLarge
        case 408, 429: .backendError
        case 400..<500: .refused
        default: .backendError
        }
    }
}
