/// What the delivery loop reports for operators to watch (as metrics).
public enum DeliveryEvent: String, Sendable, CaseIterable {
    /// A delivery's lease ended before its outcome could be recorded, or before it could start.
    case leaseLost
    /// The outbox could not be read or written by the delivery loop.
    case outboxUnavailable
}
