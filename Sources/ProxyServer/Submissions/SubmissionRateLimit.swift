import OCMWCore
import Synchronization

/// Submissions per caller: each client id gets the configured rate and burst, checked before
/// the body is read, so a caller past its rate costs the proxy (and the outbox) nothing.
final class SubmissionRateLimit: Sendable {
    private let limiter: Mutex<KeyedRateLimiter<String, ContinuousClock.Instant>>

    init(_ configuration: TokenBucketConfiguration) {
        limiter = Mutex(KeyedRateLimiter(configuration: configuration))
    }

    /// Takes one submission of `clientID`'s allowance.
    /// - Throws: 429 `rate-limited`, with `Retry-After` in whole seconds (at least 1).
    func admit(_ clientID: String) throws(ProblemDetails) {
        let now = ContinuousClock.now
        guard let wait = limiter.withLock({ $0.take(clientID, now: now) }) else { return }
        var problem = ProblemDetails(
            status: .tooManyRequests, type: .rateLimited, title: "Too many submissions from this caller",
            detail: "try again after the Retry-After delay")
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        problem.retryAfterSeconds = max(1, Int(seconds.rounded(.up)))
        throw problem
    }
}
