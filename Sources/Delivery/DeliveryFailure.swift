import BackendAccess

/// Why a delivery did not succeed: a category from a closed set, and the only thing the proxy
/// logs, stores (the outbox's failure reason and last error) and answers about it.
///
/// A New Social installation explains a refusal in its own words, and those words may name the
/// citizen (`citizen 85073003328 (Jacqueline Vandenbrande) refused …`). They are never read
/// further than the status code: what is kept is the category, so no backend text reaches a log
/// line, a database row or a caller.
package enum DeliveryFailure: String, Sendable, CaseIterable {
    /// The OCMW refused the submission (a 4xx other than 408, 409, 413 and 429). Final.
    case refused
    /// Too large for the OCMW: its New Social form is over the contract's limit, or the OCMW
    /// answered 413. Final.
    case tooLarge
    /// The OCMW holds another submission under the same idempotency key (409). Final.
    case idempotencyConflict
    /// The OCMW's dialect does not take this kind of submission online. Final.
    case notOffered
    /// The stored submission could not be read back. Final.
    case unreadable
    /// The OCMW answered a 5xx, 408, 429 or another status it should not, or a success without
    /// a number. Retried.
    case backendError
    /// The OCMW could not be reached, the connection broke, or its in-flight or rate limit, its
    /// TLS or its credentials stood in the way. Retried.
    case unreachable
    /// No answer within the tenant's delivery timeout. Retried.
    case timeout
    /// The OCMW failed too many deliveries lately and is left alone for a while. Retried.
    case circuitOpen
    /// The OCMW is not active (onboarding, suspended or removed). Retried.
    case ocmwInactive
    /// Attempts or age exhausted; the last attempt's category stays the submission's last error.
    case retriesExhausted
    /// A stored reason outside this set (written before reasons were categories): shown as this,
    /// never as the text itself.
    case other

    /// The category of a stored reason; a text outside the set is `other`.
    package init(stored: String) {
        self = DeliveryFailure(rawValue: stored) ?? .other
    }

    /// The category of a transport failure or a guard's refusal.
    package init(_ status: PartStatus) {
        self =
            switch status {
            case .timeout: .timeout
            case .circuitOpen: .circuitOpen
            case .unavailable: .unreachable
            case .ok, .error, .notSupported: .backendError
            }
    }

    /// Whether another attempt may cure it; a final category fails the submission at once.
    package var isRetried: Bool {
        switch self {
        case .backendError, .unreachable, .timeout, .circuitOpen, .ocmwInactive: true
        case .refused, .tooLarge, .idempotencyConflict, .notOffered, .unreadable, .retriesExhausted, .other: false
        }
    }
}
