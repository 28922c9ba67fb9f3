import OCMWCore

/// The outcome of a decision on a right, dialect-neutral (v2 writes these names, v1 Dutch codes).
public enum RightDecisionStatus: String, Codable, Sendable, CaseIterable {
    case granted, refused, pending, revoked
}

/// A decision on one of the citizen's rights.
public struct Right: Codable, Sendable, Equatable {
    /// The OCMW's code for the right (e.g. `LL`).
    public var code: String
    /// The right as the OCMW names it (e.g. `Leefloon`).
    public var label: String
    public var decision: RightDecisionStatus
    /// First day.
    public var since: DayDate
    /// Last day; `nil` until further notice.
    public var until: DayDate?
    /// Amount per month, in cents, for a right that has one.
    public var monthlyAmountCents: Int?
    /// Holds only as long as the conditions are met.
    public var conditional: Bool

    /// A decision on a right.
    public init(
        code: String, label: String, decision: RightDecisionStatus, since: DayDate, until: DayDate? = nil,
        monthlyAmountCents: Int? = nil, conditional: Bool
    ) {
        self.code = code
        self.label = label
        self.decision = decision
        self.since = since
        self.until = until
        self.monthlyAmountCents = monthlyAmountCents
        self.conditional = conditional
    }
}

/// A trajectory of support and its contact persons.
public struct Trajectory: Codable, Sendable, Equatable {
    /// The OCMW's code for the kind of trajectory, if any.
    public var code: String?
    /// The trajectory as the OCMW names it (e.g. `Woonbegeleiding`).
    public var label: String
    /// First day.
    public var since: DayDate
    /// Last day; `nil` while running.
    public var until: DayDate?
    /// Contact persons.
    public var contacts: [ContactPerson]

    /// A trajectory.
    public init(code: String?, label: String, since: DayDate, until: DayDate? = nil, contacts: [ContactPerson]) {
        self.code = code
        self.label = label
        self.since = since
        self.until = until
        self.contacts = contacts
    }
}

/// Someone at the OCMW to contact about a trajectory.
public struct ContactPerson: Codable, Sendable, Equatable {
    /// Full name.
    public var name: String
    /// Free text as the OCMW writes it (e.g. `maatschappelijk werker`).
    public var role: String
    /// As written, e.g. `0475/895742`.
    public var phone: String
    /// E-mail address.
    public var email: String
    /// Where they work.
    public var office: Office

    /// A contact person.
    public init(name: String, role: String, phone: String, email: String, office: Office) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.office = office
    }
}

/// An office of the OCMW.
public struct Office: Codable, Sendable, Equatable {
    /// E.g. `Welzijnsbureau Sint-Amandsberg`.
    public var name: String
    /// E.g. `Wittemolenstraat 89`.
    public var streetAndNumber: String
    /// E.g. `9040`.
    public var postalCode: String
    /// E.g. `Sint-Amandsberg`.
    public var municipality: String

    /// An office.
    public init(name: String, streetAndNumber: String, postalCode: String, municipality: String) {
        self.name = name
        self.streetAndNumber = streetAndNumber
        self.postalCode = postalCode
        self.municipality = municipality
    }
}
