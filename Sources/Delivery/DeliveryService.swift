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
    /// Whether the last look at the outbox for due work failed (logged once per outage).
    private let storeFailing = Atomic<Bool>(false)
    /// Told of delivery events operators watch (a lost lease, an outbox the loop cannot read).
    package let events: @Sendable (DeliveryEvent) -> Void

    package init(
        outbox: any OutboxStore, registry: TenantRegistryStore, gateway: BackendGateway,
        configuration: Configuration, owner: String, logger: Logger,
        events: @escaping @Sendable (DeliveryEvent) -> Void = { _ in }
    ) {
        self.events = events
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
                let due = await dueTenants()
                for tenant in due where busy.withLock({ $0.insert(tenant).inserted }) {
                    group.addTask {
                        await self.drain(tenant)
                        self.busy.withLock { _ = $0.remove(tenant) }
                    }
                }
                try? await Task.sleep(for: configuration.pollInterval)
            }
            // A graceful stop lets the deliveries in flight finish (they lease nothing new);
            // a cancellation cuts them off.
            if Task.isCancelled { group.cancelAll() }
        }
        await handBackLeases()
    }

    /// Hands back the leases this instance still holds when it stops, so another instance
    /// takes their submissions at once rather than when the leases expire.
    private func handBackLeases() async {
        do {
            let released = try await outbox.releaseLeases(owner: owner, now: Date())
            if released > 0 { logger.notice("leases handed back on stop", metadata: ["submissions": "\(released)"]) }
        } catch {
            logger.warning("leases not handed back on stop: they expire instead", metadata: ["error": "\(error)"])
        }
    }

    /// The tenants with due work; an outbox that cannot be read is logged (once per outage) and
    /// reported as an event, and the loop tries again at its next poll.
    private func dueTenants() async -> [TenantID] {
        do {
            let due = try await outbox.tenantsWithDueWork(now: Date())
            if storeFailing.exchange(false, ordering: .relaxed) {
                logger.notice("outbox readable again: deliveries resume")
            }
            return due
        } catch {
            events(.outboxUnavailable)
            if !storeFailing.exchange(true, ordering: .relaxed) {
                logger.error("outbox cannot be read: deliveries wait until it can", metadata: ["error": "\(error)"])
            }
            return []
        }
    }

    /// Delivers everything due for one tenant, `width` at a time, until nothing is due.
    ///
    /// One at a time, a backlog of 10 000 waits for 10 000 round trips in a row; the tenant's
    /// bulkhead would allow more. A window of `width` deliveries keeps that many calls in flight.
    /// Only what is sent at once is leased, for longer than the longest call can take (see
    /// `leaseDuration(for:)`), and each call's deadline ends before its lease does: a lease never
    /// lapses while its delivery is in flight, so no other instance (or later round) sends it
    /// again meanwhile.
    package func drain(_ tenant: TenantID) async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            guard let current = registry.snapshot.tenant(tenant) else { return }
            let width = deliveryWidth(tenant)
            let leaseDuration = Self.leaseDuration(for: current.limits, configured: configuration.leaseDuration)
            let leasedAt = ContinuousClock.now
            let batch: [LeasedSubmission]
            do {
                batch = try await outbox.lease(
                    tenant: tenant, owner: owner, now: Date(), leaseDuration: leaseDuration, limit: width)
            } catch {
                events(.outboxUnavailable)
                logger.error("outbox lease failed", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
                return
            }
            guard !batch.isEmpty else { return }
            let leaseEnds = leasedAt + leaseDuration
            let delivered = await withTaskGroup(of: Bool.self) { group in
                for leased in batch {
                    group.addTask { await self.deliver(leased.submission, leaseEnds: leaseEnds) }
                }
                return await group.reduce(false) { $0 || $1 }
            }
            if delivered, failing.withLock({ $0.remove(tenant) != nil }) { await expedite(tenant) }
        }
    }

    /// Time kept between a delivery call's deadline and the end of its lease, for recording the
    /// outcome.
    static let leaseMargin: Duration = .seconds(5)

    /// How long a delivery is leased: the configured duration, or longer when the tenant's
    /// delivery timeout plus its bulkhead wait and the margin need more, so a call never
    /// outlives its lease.
    package static func leaseDuration(for limits: TenantLimits, configured: Duration) -> Duration {
        let longestCall = Duration.milliseconds(limits.deliveryTimeoutMs + limits.queueTimeoutMs)
        return max(configured, longestCall + leaseMargin * 2)
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

    /// - Parameter leaseEnds: When this instance's lease of the submission ends: the call is
    ///   not started, or is cut off, so that it ends well before.
    /// - Returns: Whether the OCMW took it.
    private func deliver(_ submission: Submission, leaseEnds: ContinuousClock.Instant) async -> Bool {
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
        let callEnds = leaseEnds - Self.leaseMargin
        guard callEnds > ContinuousClock.now else {
            // The lease is (nearly) gone: leave the submission to whoever leases it next.
            events(.leaseLost)
            logger.warning("delivery not started: its lease ends too soon", metadata: ["submission": "\(submission.id)"])
            return false
        }
        let outcome = await gateway.send(
            tenant, path: wire.path, body: wire.body,
            idempotencyKey: submission.id.uuidString.lowercased(), requestID: submission.id.uuidString,
            notAfter: callEnds)
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
