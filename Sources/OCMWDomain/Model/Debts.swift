/// A citizen's debts to one OCMW, as shown in Mijn Burgerprofiel ("schulden bij het OCMW").
public struct DebtOverview: Sendable, Hashable {
    /// The OCMW's reference for the citizen's debt file (e.g. `568974`), when it has one.
    public let reference: String?
    /// The debts, in the order the OCMW listed them.
    public let items: [Debt]
    /// Sums over the open debts in `items`.
    public let totals: DebtTotals
    /// Whom the citizen contacts about the debts ("Contact schulden": the debt file manager, or
    /// the financial department), when the OCMW names someone.
    public let contact: ContactPerson?

    /// Builds an overview; the totals are computed here so they can never disagree with `items`.
    public init(reference: String?, items: [Debt], contact: ContactPerson? = nil) {
        self.reference = reference
        self.items = items
        self.totals = DebtTotals(openDebtsIn: items)
        self.contact = contact
    }

    /// The overview as a citizen sees it: paid-off debts are hidden unless asked for.
    ///
    /// The totals cover the open debts only, whether or not paid-off debts are shown: showing
    /// history must not make the citizen's debt look larger.
    /// - Parameter includePaid: Whether to keep paid-off debts in `items`.
    public func shownToCitizen(includePaid: Bool = false) -> DebtOverview {
        // Open debts are never hidden, so the recomputed totals equal the current ones.
        includePaid ? self : DebtOverview(reference: reference, items: items.filter { !$0.paidOff }, contact: contact)
    }
}

extension DebtOverview: Codable {
    /// Decodes an overview; `totals` in the input is ignored and recomputed from `items`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reference: try container.decodeIfPresent(String.self, forKey: .reference),
            items: try container.decode([Debt].self, forKey: .items),
            contact: try container.decodeIfPresent(ContactPerson.self, forKey: .contact))
    }

    private enum CodingKeys: String, CodingKey { case reference, items, totals, contact }
}

/// One debt to the OCMW.
public struct Debt: Sendable, Hashable {
    /// What the debt is for, as the OCMW wrote it (e.g. `Huurwaarborg`).
    public let description: String
    public let period: DatePeriod
    /// The BCSD decision the debt rests on, when there is one.
    public let decision: Decision?
    /// The amount owed originally, in euro cents.
    public let originalCents: Int
    /// What is still to be paid back, in euro cents.
    public let outstandingCents: Int
    /// Whether nothing is outstanding any more. Derived from `outstandingCents`.
    public let paidOff: Bool

    /// Builds a debt. Normalisers check amounts (not negative, outstanding not above original)
    /// before calling this.
    public init(
        description: String, period: DatePeriod, decision: Decision?,
        originalCents: Int, outstandingCents: Int
    ) {
        self.description = description
        self.period = period
        self.decision = decision
        self.originalCents = originalCents
        self.outstandingCents = outstandingCents
        self.paidOff = outstandingCents <= 0
    }

    /// Whether something is still to be paid back; only open debts count in the totals.
    public var isOpen: Bool { outstandingCents > 0 }
}

extension Debt: Codable {
    /// Decodes a debt; `paidOff` in the input is ignored and derived from `outstandingCents`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            description: try container.decode(String.self, forKey: .description),
            period: try container.decode(DatePeriod.self, forKey: .period),
            decision: try container.decodeIfPresent(Decision.self, forKey: .decision),
            originalCents: try container.decode(Int.self, forKey: .originalCents),
            outstandingCents: try container.decode(Int.self, forKey: .outstandingCents))
    }

    private enum CodingKeys: String, CodingKey {
        case description, period, decision, originalCents, outstandingCents, paidOff
    }
}

/// A decision of the BCSD (the committee that decides on help): its date and agenda point.
public struct Decision: Sendable, Hashable, Codable {
    public let date: CalendarDate
    /// The agenda point (`punt`), e.g. `223`; `nil` when the OCMW did not record one.
    public let point: String?

    public init(date: CalendarDate, point: String?) {
        self.date = date
        self.point = point
    }
}

/// Sums over open debts (outstanding > 0), in euro cents.
public struct DebtTotals: Sendable, Hashable, Codable {
    public let originalCents: Int
    public let outstandingCents: Int

    public init(originalCents: Int, outstandingCents: Int) {
        self.originalCents = originalCents
        self.outstandingCents = outstandingCents
    }

    /// Sums the open debts among `debts`; paid-off debts never count.
    public init(openDebtsIn debts: [Debt]) {
        let open = debts.filter(\.isOpen)
        // No overflow: normalisers cap every amount (see `RecordRules.maxCents`).
        self.init(
            originalCents: open.reduce(0) { $0 + $1.originalCents },
            outstandingCents: open.reduce(0) { $0 + $1.outstandingCents })
    }
}
