import Foundation
import Logging
import OCMWCore
import Outbox

/// How a delivery attempt ends when the OCMW did not take it: later, or never.
extension DeliveryService {
    package func retryLater(_ submission: Submission, error: String, now: Date) async {
        failing.withLock { _ = $0.insert(submission.status.tenant) }
        let age = now.timeIntervalSince(submission.status.createdAt)
        if submission.status.attempts >= configuration.maxAttempts || age >= Double(configuration.maxAge.components.seconds) {
            await fail(submission, reason: "not delivered after \(submission.status.attempts) attempts: \(error)", now: now)
            return
        }
        let exponent = Double(min(max(submission.status.attempts - 1, 0), 30))
        let ceiling = min(configuration.backoffCap.inSeconds, configuration.backoffBase.inSeconds * pow(2, exponent))
        let next = now.addingTimeInterval(Double.random(in: 0...ceiling))
        await record { try await outbox.markRetry(id: submission.id, owner: owner, error: error, nextAttemptAt: next, now: now) }
    }

    package func fail(_ submission: Submission, reason: String, now: Date) async {
        logger.warning(
            "submission failed",
            metadata: [
                "tenant": "\(submission.status.tenant)", "submission": "\(submission.id)",
                "reason": "\(reason)",
            ])
        await record { try await outbox.markFailed(id: submission.id, owner: owner, reason: reason, now: now) }
    }

    package func record(_ write: () async throws -> Void) async {
        do { try await write() } catch {
            // The lease will expire and the delivery be retried; the OCMW deduplicates on the key.
            logger.error("outbox update failed", metadata: ["error": "\(error)"])
        }
    }
}
