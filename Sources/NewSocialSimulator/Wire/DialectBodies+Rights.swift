import OCMWCore

/// Rights and trajectories, as docs/newsocial-api.md writes them.
extension DialectBodies {
    /// v1's decision codes.
    private static let beslissing: [RightDecisionStatus: String] = [
        .granted: "TOEGEKEND", .refused: "GEWEIGERD", .pending: "IN_BEHANDELING", .revoked: "INGETROKKEN",
    ]

    static func rights(_ insz: String, _ rights: [Right], dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)),
                (
                    "rights",
                    .array(
                        rights.map { right in
                            .object([
                                ("code", .string(right.code)), ("label", .string(right.label)),
                                ("decisionStatus", .string(right.decision.rawValue)), ("since", .string(right.since.iso8601)),
                                ("until", .optional(right.until?.iso8601)),
                                ("monthlyAmountCents", right.monthlyAmountCents.map(JSONValue.int) ?? .null),
                                ("conditional", .bool(right.conditional)),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)),
                (
                    "rechten",
                    .array(
                        rights.map { right in
                            .object([
                                ("code", .string(right.code)), ("omschrijving", .string(right.label)),
                                ("beslissing", .string(beslissing[right.decision] ?? "")), ("vanaf", .string(right.since.belgian)),
                                ("tot", .string(BelgianNotation.date(right.until))),
                                ("maandbedrag", .string(right.monthlyAmountCents.map { BelgianNotation.money(cents: $0) } ?? "")),
                                ("voorwaardelijk", .string(right.conditional ? "J" : "N")),
                            ])
                        })
                ),
            ])
        }
    }

    static func trajectories(_ insz: String, _ trajectories: [Trajectory], dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)),
                (
                    "trajectories",
                    .array(
                        trajectories.map { trajectory in
                            .object([
                                ("code", .optional(trajectory.code)), ("label", .string(trajectory.label)),
                                ("since", .string(trajectory.since.iso8601)), ("until", .optional(trajectory.until?.iso8601)),
                                ("contacts", .array(trajectory.contacts.map { contact($0, dialect: .v2) })),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)),
                (
                    "trajecten",
                    .array(
                        trajectories.map { trajectory in
                            .object([
                                ("code", .string(trajectory.code ?? "")), ("omschrijving", .string(trajectory.label)),
                                ("vanaf", .string(trajectory.since.belgian)), ("tot", .string(BelgianNotation.date(trajectory.until))),
                                ("contactpersonen", .array(trajectory.contacts.map { contact($0, dialect: .v1) })),
                            ])
                        })
                ),
            ])
        }
    }

    /// A contact person as each dialect writes one (of a trajectory, the debts, or a request's
    /// case worker): v2 nests the office, v1 writes it flat in the person's record.
    static func contact(_ contact: ContactPerson, dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            .object([
                ("name", .string(contact.name)), ("role", .string(contact.role)),
                ("phone", .string(contact.phone)), ("email", .string(contact.email)),
                (
                    "office",
                    .object([
                        ("name", .string(contact.office.name)),
                        ("streetAndNumber", .string(contact.office.streetAndNumber)),
                        ("postalCode", .string(contact.office.postalCode)),
                        ("municipality", .string(contact.office.municipality)),
                    ])
                ),
            ])
        case .v1:
            .object([
                ("naam", .string(contact.name)), ("functie", .string(contact.role)),
                ("telefoon", .string(contact.phone)), ("email", .string(contact.email)),
                ("kantoor", .string(contact.office.name)),
                ("straatEnNummer", .string(contact.office.streetAndNumber)),
                ("postcode", .string(contact.office.postalCode)),
                ("gemeente", .string(contact.office.municipality)),
            ])
        }
    }
}
