import OCMWCore

import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder
import struct Foundation.URL

/// Everything the simulated OCMWs know, dialect-neutral: money in integer cents, dates as days.
///
/// A citizen's records are keyed by tenant id; a backend serves only the records of its own
/// tenant, so a citizen whose OCMW is not simulated is simply not served.
public struct Dataset: Codable, Sendable, Equatable {
    /// All citizens, in a stable order.
    public var citizens: [Citizen]

    /// A dataset of these citizens (INSZs should be distinct).
    public init(citizens: [Citizen]) { self.citizens = citizens }

    /// Decodes a dataset written by `jsonData()`.
    /// - Throws: `DecodingError` when the bytes are not a dataset.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Dataset.self, from: jsonData)
    }

    /// Reads a dataset file.
    /// - Throws: a file or decoding error.
    public init(contentsOf url: URL) throws {
        try self.init(jsonData: Data(contentsOf: url))
    }

    /// Canonical JSON (sorted keys, pretty-printed): the same dataset always gives the same bytes.
    /// - Throws: `EncodingError` (not expected for a well-formed dataset).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The citizen with these 11 digits, if any.
    public func citizen(insz digits: String) -> Citizen? { citizens.first { $0.insz == digits } }
}

/// A synthetic person, with their records at one or more OCMWs.
public struct Citizen: Codable, Sendable, Equatable {
    /// The INSZ as 11 digits.
    public var insz: String
    /// Given name.
    public var firstName: String
    /// Family name.
    public var lastName: String
    /// What each OCMW holds on this citizen (one record per tenant).
    public var records: [OCMWRecord]

    /// A citizen; `insz` must be 11 digits.
    public init(insz: String, firstName: String, lastName: String, records: [OCMWRecord]) {
        self.insz = insz
        self.firstName = firstName
        self.lastName = lastName
        self.records = records
    }

    /// The record held by this tenant, if any.
    public func record(at tenant: TenantID) -> OCMWRecord? { records.first { $0.tenant == tenant } }
}

/// A capacity (kind of help, e.g. `LL`) the citizen is followed in, and since when.
public struct DossierPeriod: Codable, Sendable, Equatable {
    /// The kind of help, e.g. `LL` (leefloon).
    public var capacity: String
    /// First day.
    public var since: DayDate
    /// Last day; `nil` while running.
    public var until: DayDate?

    /// A dossier period.
    public init(capacity: String, since: DayDate, until: DayDate? = nil) {
        self.capacity = capacity
        self.since = since
        self.until = until
    }
}

/// A debt to the OCMW. Paid off when `outstandingCents == 0`.
public struct Debt: Codable, Sendable, Equatable {
    /// What the debt is for, as the OCMW wrote it.
    public var description: String
    /// First (or only) day of the period.
    public var periodStart: DayDate
    /// `nil` for a debt about a single day.
    public var periodEnd: DayDate?
    /// The BCSD decision, when one is attached.
    public var decisionDate: DayDate?
    /// The agenda point of the decision.
    public var decisionPoint: String?
    /// The amount at the start, in cents.
    public var originalCents: Int
    /// What is still to be paid, in cents.
    public var outstandingCents: Int

    /// A debt.
    public init(
        description: String, periodStart: DayDate, periodEnd: DayDate? = nil, decisionDate: DayDate? = nil,
        decisionPoint: String? = nil, originalCents: Int, outstandingCents: Int
    ) {
        self.description = description
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.decisionDate = decisionDate
        self.decisionPoint = decisionPoint
        self.originalCents = originalCents
        self.outstandingCents = outstandingCents
    }
}

/// A payment to or for the citizen, with New Social's status codes.
public struct Payment: Codable, Sendable, Equatable {
    /// The kind of help or deduction, as the OCMW wrote it (e.g. `leefloon`).
    public var label: String
    /// The amount, in cents.
    public var amountCents: Int
    /// First (or only) day of the period paid for.
    public var periodStart: DayDate
    /// `nil` for a payment about a single day.
    public var periodEnd: DayDate?
    /// `nil` while not (yet) paid.
    public var paymentDate: DayDate?
    /// New Social's payment code (`3`, `2999`, …).
    public var statusCode: Int
    /// New Social's payment status (`1`, `2`), if any.
    public var status: Int?
    /// Whether the payment is marked automatic ("in payment").
    public var automatic: Bool
    /// The third party paid for the citizen; `nil` for a payment to the citizen.
    public var paidTo: String?
    /// How a payment to the citizen was made (e.g. `aan kassa`).
    public var paidVia: String?

    /// A payment.
    public init(
        label: String, amountCents: Int, periodStart: DayDate, periodEnd: DayDate? = nil,
        paymentDate: DayDate? = nil, statusCode: Int, status: Int? = nil, automatic: Bool = false,
        paidTo: String? = nil, paidVia: String? = nil
    ) {
        self.label = label
        self.amountCents = amountCents
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.paymentDate = paymentDate
        self.statusCode = statusCode
        self.status = status
        self.automatic = automatic
        self.paidTo = paidTo
        self.paidVia = paidVia
    }
}

/// A payment New Social has planned (a standing monthly payment not made yet): served for the
/// month `monthsAhead` after the simulator's current month, for the whole month, with code 3,
/// automatic and no payment date, which New Social's table reads as "in payment".
public struct PlannedPayment: Codable, Sendable, Equatable {
    /// The kind of help or deduction, as the OCMW wrote it (e.g. `leefloon`).
    public var label: String
    /// The amount, in cents.
    public var amountCents: Int
    /// 0 for the current month, 1 for the next, …
    public var monthsAhead: Int
    /// The third party it will be paid to; `nil` for a payment to the citizen.
    public var paidTo: String?

    /// A planned payment.
    public init(label: String, amountCents: Int, monthsAhead: Int, paidTo: String? = nil) {
        self.label = label
        self.amountCents = amountCents
        self.monthsAhead = monthsAhead
        self.paidTo = paidTo
    }

    /// The payment as New Social lists it when `today` is the installation's date; `nil` past
    /// the calendar's end.
    public func payment(today: DayDate) -> Payment? {
        guard let month = CalendarMonth(containing: today).adding(months: monthsAhead) else { return nil }
        return Payment(
            label: label, amountCents: amountCents, periodStart: month.firstDay, periodEnd: month.lastDay,
            statusCode: 3, automatic: true, paidTo: paidTo)
    }
}
