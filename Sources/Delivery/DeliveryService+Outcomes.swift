import Foundation
import Logging
import OCMWCore
import Outbox

/// How a delivery attempt ends when the OCMW did not take it: later, or never. Only the
/// category is logged and stored, never a text of the OCMW's (see `DeliveryFailure`).
extension DeliveryService {
    package func retryLater(_ submission: Submission, because failure: DeliveryFailure, now: Date) async {
        failing.withLock { _ = $0.insert(submission.status.tenant) }
        let age = now.timeIntervalSince(submission.status.createdAt)
        if submission.status.attempts >= configuration.maxAttempts || age >= Double(configuration.maxAge.components.seconds) {
            await fail(submission, because: .retriesExhausted, lastAttempt: failure, now: now)
            return
        }
        let exponent = Double(min(max(submission.status.attempts - 1, 0), 30))
        let ceiling = min(configuration.backoffCap.inSeconds, configuration.backoffBase.inSeconds * pow(2, exponent))
        let next = now.addingTimeInterval(Double.random(in: 0...ceiling))
        await record {
            try await outbox.markRetry(id: submission.id, owner: owner, error: failure.rawValue, nextAttemptAt: next, now: now)
        }
    }

    /// - Parameter lastAttempt: For `retriesExhausted`: what the last attempt ran into.
    package func fail(
        _ submission: Submission, because failure: DeliveryFailure, lastAttempt: DeliveryFailure? = nil, now: Date
    ) async {
        var metadata: Logger.Metadata = [
            "tenant": "\(submission.status.tenant)", "submission": "\(submission.id)", "reason": "\(failure.rawValue)",
            "attempts": "\(submission.status.attempts)",
        ]
        if let lastAttempt { metadata["last_attempt"] = "\(lastAttempt.rawValue)" }
        logger.warning("submission failed", metadata: metadata)
        await record { try await outbox.markFailed(id: submission.id, owner: owner, reason: failure.rawValue, now: now) }
    }

    package func record(_ write: () async throws -> Void) async {
        do { try await write() } catch let error as OutboxStoreError where error.kind == .leaseNotHeld {
            // Another round holds it now; it sends with the same Idempotency-Key, so the OCMW
            // answers it with the original, and records that outcome.
            events(.leaseLost)
            logger.warning("delivery outcome not recorded: the lease was lost", metadata: ["error": "\(error)"])
        } catch {
            // The lease will expire and the delivery be retried; the OCMW deduplicates on the key.
            events(.outboxUnavailable)
            logger.error("outbox update failed", metadata: ["error": "\(error)"])
        }
    }
}
