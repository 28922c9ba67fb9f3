/// One payment (uitbetaling): of a past month, or planned for a coming one.
public struct Payment: Sendable, Hashable {
    /// The kind of help or deduction, as the OCMW wrote it (e.g. `leefloon`).
    public let label: String
    /// The amount in euro cents.
    public let amountCents: Int
    /// The period the payment is for.
    public let period: DatePeriod
    /// When it was paid; `nil` while it is not (yet) paid.
    public let paymentDate: CalendarDate?
    /// The third party paid on the citizen's behalf (landlord, energy supplier, hospital, the
    /// OCMW itself for a debt deduction); `nil` for a payment to the citizen.
    public let paidTo: String?
    /// How it was paid (e.g. `aan kassa`), when known.
    public let paidVia: String?
    /// Where the payment stands; `unknown` (with the codes) for codes outside New Social's table.
    public let status: PaymentStatus

    public init(
        label: String, amountCents: Int, period: DatePeriod, paymentDate: CalendarDate?,
        paidTo: String?, paidVia: String?, status: PaymentStatus
    ) {
        self.label = label
        self.amountCents = amountCents
        self.period = period
        self.paymentDate = paymentDate
        self.paidTo = paidTo
        self.paidVia = paidVia
        self.status = status
    }
}

extension Payment: Codable {
    /// Decodes a payment written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            label: try container.decode(String.self, forKey: .label),
            amountCents: try container.decode(Int.self, forKey: .amountCents),
            period: try container.decode(DatePeriod.self, forKey: .period),
            paymentDate: try container.decodeIfPresent(CalendarDate.self, forKey: .paymentDate),
            paidTo: try container.decodeIfPresent(String.self, forKey: .paidTo),
            paidVia: try container.decodeIfPresent(String.self, forKey: .paidVia),
            status: try container.decode(PaymentStatus.self, forKey: .status, rawKey: .rawStatus))
    }

    /// Absent values are left out; an unknown status adds `rawStatus` (see `CodedStatus`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(amountCents, forKey: .amountCents)
        try container.encode(period, forKey: .period)
        try container.encodeIfPresent(paymentDate, forKey: .paymentDate)
        try container.encodeIfPresent(paidTo, forKey: .paidTo)
        try container.encodeIfPresent(paidVia, forKey: .paidVia)
        try container.encode(status, forKey: .status, rawKey: .rawStatus)
    }

    private enum CodingKeys: String, CodingKey {
        case label, amountCents, period, paymentDate, paidTo, paidVia, status, rawStatus
    }
}

/// Payments grouped the way Mijn Burgerprofiel shows them.
public struct PaymentsOverview: Sendable, Hashable, Codable {
    /// Paid, to the citizen.
    public let paidToYou: [Payment]
    /// Paid, to a third party on the citizen's behalf.
    public let paidForYou: [Payment]
    /// Not paid, or in payment: see each payment's `status`.
    public let notPaid: [Payment]
    /// Payments whose status codes New Social's table does not cover. Kept apart rather than
    /// put in a group whose heading would state something about them nobody knows.
    public let unknownStatus: [Payment]

    /// Groups payments, keeping their order within each group.
    public init(_ payments: [Payment]) {
        var toYou: [Payment] = [], forYou: [Payment] = [], notPaid: [Payment] = [], unknown: [Payment] = []
        for payment in payments {
            switch (payment.status, payment.paidTo) {
            case (.paid, nil): toYou.append(payment)
            case (.paid, _?): forYou.append(payment)
            case (.inPayment, _), (.notPaid, _): notPaid.append(payment)
            case (.unknown, _): unknown.append(payment)
            }
        }
        self.paidToYou = toYou
        self.paidForYou = forYou
        self.notPaid = notPaid
        self.unknownStatus = unknown
    }
}

/// The payments of one month, grouped as in `PaymentsOverview`: what a screen such as
/// "Betalingen augustus" shows.
public struct MonthPayments: Sendable, Hashable {
    public let month: CalendarMonth
    public let groups: PaymentsOverview

    public init(month: CalendarMonth, groups: PaymentsOverview) {
        self.month = month
        self.groups = groups
    }

    /// One entry per month of `months`, in order, months without payments included (so a
    /// screen can say there were none); a payment belongs to the month its period starts in,
    /// as New Social selects them. Payments outside `months` are left out.
    public static func split(_ payments: [Payment], over months: MonthRange) -> [MonthPayments] {
        let byMonth = Dictionary(grouping: payments) { $0.period.start.calendarMonth }
        return months.months.map { MonthPayments(month: $0, groups: PaymentsOverview(byMonth[$0] ?? [])) }
    }
}

extension MonthPayments: Encodable {
    /// `{"month", "notPaid", "paidForYou", "paidToYou", "unknownStatus"}`.
    public func encode(to encoder: any Encoder) throws {
        try groups.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(month, forKey: .month)
    }

    private enum CodingKeys: String, CodingKey { case month }
}
