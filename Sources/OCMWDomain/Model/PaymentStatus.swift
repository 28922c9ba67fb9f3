/// Where a payment stands, normalised from New Social's status codes.
public enum PaymentStatus: CodedStatus {
    /// Paid out (New Social code 3, with a payment date, not automatic).
    case paid
    /// On its way: code 3 marked automatic, or code 3 without a payment date yet.
    case inPayment
    /// Will not be paid: code 2999, or status 1 or 2.
    case notPaid
    /// A combination outside the table, kept as `statusCode=…;status=…;automatic=…`.
    case unknown(String)

    public static let knownCases: [PaymentStatus] = [.paid, .inPayment, .notPaid]

    public var name: String {
        switch self {
        case .paid: "paid"
        case .inPayment: "inPayment"
        case .notPaid: "notPaid"
        case .unknown: unknownStatusName
        }
    }

    public var rawCode: String? {
        if case .unknown(let code) = self { return code }
        return nil
    }

    /// Maps New Social's payment codes to a status; the only place that reads these codes.
    ///
    /// | statusCode | status  | automatic | payment date | result      |
    /// |------------|---------|-----------|--------------|-------------|
    /// | 2999       | any     | any       | any          | `notPaid`   |
    /// | any        | 1 or 2  | any       | any          | `notPaid`   |
    /// | 3          | absent  | yes       | any          | `inPayment` |
    /// | 3          | absent  | no        | absent       | `inPayment` |
    /// | 3          | absent  | no        | present      | `paid`      |
    /// | other      | other   | any       | any          | `unknown`   |
    ///
    /// "Not paid" wins over everything else: a blocked payment must never be shown as paid,
    /// even if it carries a date. Combinations outside the table are not guessed at: they come
    /// out `unknown` with the codes, so an installation that starts using a new code is
    /// reported, not misrepresented. The date plays no part outside the table, so the raw
    /// code leaves it out.
    /// - Parameters:
    ///   - statusCode: `statusCode` (v2) / `betaalcode` (v1), when present.
    ///   - status: `status` (v2) / `betaalstatus` (v1), when present.
    ///   - automatic: `automatic` (v2) / `automatisch == "J"` (v1).
    ///   - hasPaymentDate: Whether a payment date is present.
    public init(newSocialCode statusCode: Int?, status: Int?, automatic: Bool, hasPaymentDate: Bool) {
        switch (statusCode, status, automatic, hasPaymentDate) {
        case (2999, _, _, _): self = .notPaid
        case (_, 1?, _, _), (_, 2?, _, _): self = .notPaid
        case (3, nil, true, _): self = .inPayment
        case (3, nil, false, false): self = .inPayment
        case (3, nil, false, true): self = .paid
        default:
            let code = statusCode.map(String.init) ?? "", detail = status.map(String.init) ?? ""
            self = .unknown("statusCode=\(code);status=\(detail);automatic=\(automatic)")
        }
    }
}
