/// Where a payment stands, normalised from New Social's status codes.
public enum PaymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Paid out (New Social code 3, with a payment date, not automatic).
    case paid
    /// On its way: code 3 marked automatic, or code 3 without a payment date yet.
    case inPayment
    /// Will not be paid: code 2999, or status 1 or 2.
    case notPaid

    /// Maps New Social's payment codes to a status; the only place that reads these codes.
    ///
    /// | statusCode | status  | automatic | payment date | result      |
    /// |------------|---------|-----------|--------------|-------------|
    /// | 2999       | any     | any       | any          | `notPaid`   |
    /// | any        | 1 or 2  | any       | any          | `notPaid`   |
    /// | 3          | absent  | yes       | any          | `inPayment` |
    /// | 3          | absent  | no        | absent       | `inPayment` |
    /// | 3          | absent  | no        | present      | `paid`      |
    /// | other      | other   | any       | any          | `nil`       |
    ///
    /// "Not paid" wins over everything else: a blocked payment must never be shown as paid,
    /// even if it carries a date. Combinations outside the table are not guessed at (`nil`),
    /// so an installation that starts using a new code is reported, not misrepresented.
    /// - Parameters:
    ///   - statusCode: `statusCode` (v2) / `betaalcode` (v1), when present.
    ///   - status: `status` (v2) / `betaalstatus` (v1), when present.
    ///   - automatic: `automatic` (v2) / `automatisch == "J"` (v1).
    ///   - hasPaymentDate: Whether a payment date is present.
    public init?(newSocialCode statusCode: Int?, status: Int?, automatic: Bool, hasPaymentDate: Bool) {
        switch (statusCode, status, automatic, hasPaymentDate) {
        case (2999, _, _, _): self = .notPaid
        case (_, 1?, _, _), (_, 2?, _, _): self = .notPaid
        case (3, nil, true, _): self = .inPayment
        case (3, nil, false, false): self = .inPayment
        case (3, nil, false, true): self = .paid
        default: return nil
        }
    }
}
