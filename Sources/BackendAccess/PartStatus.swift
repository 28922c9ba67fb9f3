/// How one part of one OCMW's answer came about, as reported to the caller.
public enum PartStatus: String, Codable, Sendable, CaseIterable {
    /// The OCMW answered and the answer is included.
    case ok
    /// The OCMW did not answer within its deadline.
    case timeout
    /// The OCMW could not be reached, answered 5xx, or is at its in-flight limit.
    case unavailable
    /// The OCMW answered something that is not a valid answer (bad status, garbage, wrong citizen).
    case error
    /// The OCMW's circuit breaker is open: it failed too often lately and is not called for now.
    case circuitOpen
    /// The OCMW's dialect or configuration does not offer this part: nothing is missing.
    case notSupported
}

/// What one backend call for one part produced.
package enum PartOutcome<Value: Sendable>: Sendable {
    /// A valid answer.
    case ok(Value)
    /// The OCMW has no dossier for this citizen (its 404): the OCMW is left out of the answer.
    case noDossier
    /// No valid answer; `reason` is a short stable text, free of personal data.
    case failed(PartStatus, reason: String)
}
