/// One payment (uitbetaling) of a past month.
public struct Payment: Sendable, Hashable, Codable {
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
    public let status: PaymentStatus

    public init(label: String, amountCents: Int, period: DatePeriod, paymentDate: CalendarDate?,
                paidTo: String?, paidVia: String?, status: PaymentStatus) {
        self.label = label
        self.amountCents = amountCents
        self.period = period
        self.paymentDate = paymentDate
        self.paidTo = paidTo
        self.paidVia = paidVia
        self.status = status
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

    /// Groups payments, keeping their order within each group.
    public init(_ payments: [Payment]) {
        var toYou: [Payment] = [], forYou: [Payment] = [], notPaid: [Payment] = []
        for payment in payments {
            switch (payment.status, payment.paidTo) {
            case (.paid, nil): toYou.append(payment)
            case (.paid, _?): forYou.append(payment)
            case (.inPayment, _), (.notPaid, _): notPaid.append(payment)
            }
        }
        self.paidToYou = toYou
        self.paidForYou = forYou
        self.notPaid = notPaid
    }
}
