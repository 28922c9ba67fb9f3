import Foundation
import OCMWCore
import Outbox
import Synchronization

/// An outbox that can be taken down and brought back, as a database that is unreachable for a
/// while: every call fails while it is down, and goes to `base` otherwise.
public final class SwitchableOutboxStore: OutboxStore {
    /// Thrown by every call while the store is down.
    public struct Down: Error {}

    public let base: any OutboxStore
    private let down = Mutex(false)

    public init(base: any OutboxStore) {
        self.base = base
    }

    /// Takes the store down (`true`) or brings it back.
    public func setDown(_ isDown: Bool) { down.withLock { $0 = isDown } }

    private func available() throws {
        if down.withLock({ $0 }) { throw Down() }
    }

    public func accept(_ new: NewSubmission) async throws -> AcceptResult {
        try available()
        return try await base.accept(new)
    }

    public func status(id: UUID) async throws -> SubmissionStatus? {
        try available()
        return try await base.status(id: id)
    }

    public func status(id: UUID, clientID: String, citizenPseudonym: String?) async throws -> SubmissionStatus? {
        try available()
        return try await base.status(id: id, clientID: clientID, citizenPseudonym: citizenPseudonym)
    }

    public func submissions(citizenPseudonym: String, limit: Int) async throws -> [SubmissionStatus] {
        try available()
        return try await base.submissions(citizenPseudonym: citizenPseudonym, limit: limit)
    }

    public func events(
        after sequence: Int64, clientID: String, citizenPseudonym: String?, limit: Int
    ) async throws
        -> [SubmissionEvent]
    {
        try available()
        return try await base.events(after: sequence, clientID: clientID, citizenPseudonym: citizenPseudonym, limit: limit)
    }

    public func recordNewSocialStatuses(id: UUID, statuses: [String: String], now: Date) async throws -> Int {
        try available()
        return try await base.recordNewSocialStatuses(id: id, statuses: statuses, now: now)
    }

    public func lease(
        tenant: TenantID, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws -> [LeasedSubmission] {
        try available()
        return try await base.lease(tenant: tenant, owner: owner, now: now, leaseDuration: leaseDuration, limit: limit)
    }

    public func markDelivered(id: UUID, owner: String, dossierNumber: String, now: Date) async throws {
        try available()
        try await base.markDelivered(id: id, owner: owner, dossierNumber: dossierNumber, now: now)
    }

    public func markRetry(id: UUID, owner: String, error: String, nextAttemptAt: Date, now: Date) async throws {
        try available()
        try await base.markRetry(id: id, owner: owner, error: error, nextAttemptAt: nextAttemptAt, now: now)
    }

    public func releaseLeases(owner: String, now: Date) async throws -> Int {
        try available()
        return try await base.releaseLeases(owner: owner, now: now)
    }

    public func expediteRetries(tenant: TenantID, now: Date) async throws -> Int {
        try available()
        return try await base.expediteRetries(tenant: tenant, now: now)
    }

    public func markFailed(id: UUID, owner: String, reason: String, now: Date) async throws {
        try available()
        try await base.markFailed(id: id, owner: owner, reason: reason, now: now)
    }

    public func retryFailed(id: UUID, now: Date) async throws -> SubmissionStatus {
        try available()
        return try await base.retryFailed(id: id, now: now)
    }

    public func discardFailedPayloads(failedBefore cutoff: Date) async throws -> Int {
        try available()
        return try await base.discardFailedPayloads(failedBefore: cutoff)
    }

    public func pruneDelivered(deliveredBefore cutoff: Date) async throws -> Int {
        try available()
        return try await base.pruneDelivered(deliveredBefore: cutoff)
    }

    public func counts() async throws -> [TenantID: [SubmissionPhase: Int]] {
        try available()
        return try await base.counts()
    }

    public func list(state: SubmissionPhase?, tenant: TenantID?, limit: Int) async throws -> [SubmissionStatus] {
        try available()
        return try await base.list(state: state, tenant: tenant, limit: limit)
    }

    public func tenantsWithDueWork(now: Date) async throws -> [TenantID] {
        try available()
        return try await base.tenantsWithDueWork(now: now)
    }

    public func nextDueDate(tenant: TenantID) async throws -> Date? {
        try available()
        return try await base.nextDueDate(tenant: tenant)
    }
}
