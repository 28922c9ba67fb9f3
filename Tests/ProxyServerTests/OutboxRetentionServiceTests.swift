import Delivery
import Foundation
import Logging
import NewSocialSimulator
import OCMWCore
import Outbox
import ProxyTesting
import ServiceLifecycle
import Testing

/// The retention service as `serve` runs it: at start-up and every interval, a delivered
/// submission past its days is deleted; a pending one is kept whatever its age.
@Suite struct OutboxRetentionServiceTests {
    @Test func deliveredSubmissionsPastTheirDaysAreDeletedWhilePendingOnesStay() async throws {
        let outbox = try TestSecurity.outbox()
        let insz = try INSZ(parsing: DemoCitizens.wireframeINSZ, currentYear: testCurrentYear)
        func accept(_ key: String) async throws -> UUID {
            let result = try await outbox.accept(
                NewSubmission(
                    kind: .certificateRequest, tenant: TenantID("gent")!, clientID: "retention-test", idempotencyKey: key,
                    citizen: insz, citizenPseudonym: String(repeating: "a", count: 32),
                    payload: SubmissionPayload(bytes: Data(#"{"certificateType":"ATT-LL"}"#.utf8)), receivedAt: Date()))
            guard case .accepted(let status) = result else { throw CocoaError(.fileWriteUnknown) }
            return status.id
        }
        let delivered = try await accept("delivered")
        let leased = try await outbox.lease(
            tenant: TenantID("gent")!, owner: "retention-test", now: Date(), leaseDuration: .seconds(60), limit: 1)
        #expect(leased.map(\.id) == [delivered])
        try await outbox.markDelivered(id: delivered, owner: "retention-test", dossierNumber: "2026/9", now: Date())
        let pending = try await accept("pending")
        // The service's clock is a year ahead: the delivered row is past any retention.
        let service = OutboxRetentionService(
            outbox: outbox, retention: try #require(OutboxRetention(deliveredDays: 1, failedPayloadDays: 1)),
            interval: .milliseconds(20), now: { Date().addingTimeInterval(365 * 86_400) },
            logger: Logger(label: "retention-test"))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await service.run() }
            // Waits for the state, whatever the machine's pace.
            for _ in 0..<3_000 where try await outbox.status(id: delivered) != nil {
                try await Task.sleep(for: .milliseconds(20))
            }
            group.cancelAll()
        }
        #expect(try await outbox.status(id: delivered) == nil)
        #expect(try await outbox.status(id: pending)?.state == .accepted)
    }

    /// A stop (SIGTERM) must not wait out the hour between two rounds: `serve` would hang.
    @Test(.timeLimit(.minutes(2)))
    func aGracefulStopDoesNotWaitForTheNextRound() async throws {
        let service = OutboxRetentionService(
            outbox: try TestSecurity.outbox(),
            retention: try #require(OutboxRetention(deliveredDays: 90, failedPayloadDays: 30)),
            interval: .seconds(3_600), logger: Logger(label: "retention-test"))
        let logger = Logger(label: "retention-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let group = ServiceGroup(configuration: .init(services: [.init(service: service)], logger: logger))
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask { try await group.run() }
            // Whether the first round has run or not, the stop ends the service.
            await group.triggerGracefulShutdown()
        }
    }
}
