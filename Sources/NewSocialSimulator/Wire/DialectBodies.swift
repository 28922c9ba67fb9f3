import OCMWCore

/// The JSON bodies of docs/newsocial-api.md, one function per endpoint and dialect.
enum DialectBodies {
    static func citizen(_ insz: String, _ record: OCMWRecord, dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)),
                (
                    "dossiers",
                    .array(
                        record.dossiers.map { dossier in
                            .object([
                                ("capacity", .string(dossier.capacity)), ("since", .string(dossier.since.iso8601)),
                                ("until", .optional(dossier.until?.iso8601)),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)),
                (
                    "dossiers",
                    .array(
                        record.dossiers.map { dossier in
                            .object([
                                ("hoedanigheid", .string(dossier.capacity)), ("vanaf", .string(dossier.since.belgian)),
                                ("tot", .string(BelgianNotation.date(dossier.until))),
                            ])
                        })
                ),
            ])
        }
    }

    static func debts(_ insz: String, _ record: OCMWRecord, dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)), ("reference", .string(record.reference)),
                ("contact", record.debtContact.map { contact($0, dialect: .v2) } ?? .null),
                (
                    "debts",
                    .array(
                        record.debts.map { debt in
                            .object([
                                ("description", .string(debt.description)), ("periodStart", .string(debt.periodStart.iso8601)),
                                ("periodEnd", .optional(debt.periodEnd?.iso8601)), ("decisionDate", .optional(debt.decisionDate?.iso8601)),
                                ("decisionPoint", .optional(debt.decisionPoint)), ("originalCents", .int(debt.originalCents)),
                                ("outstandingCents", .int(debt.outstandingCents)),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)), ("referentie", .string(record.reference)),
                ("contactpersoon", record.debtContact.map { contact($0, dialect: .v1) } ?? .null),
                (
                    "schulden",
                    .array(
                        record.debts.map { debt in
                            .object([
                                ("omschrijving", .string(debt.description)),
                                ("periode", .string(BelgianNotation.period(debt.periodStart, debt.periodEnd))),
                                ("beslissingsdatum", .string(BelgianNotation.date(debt.decisionDate))),
                                ("agendapunt", .string(debt.decisionPoint ?? "")),
                                ("oorspronkelijkBedrag", .string(BelgianNotation.money(cents: debt.originalCents))),
                                ("openstaandSaldo", .string(BelgianNotation.money(cents: debt.outstandingCents))),
                            ])
                        })
                ),
            ])
        }
    }

    static func payments(_ insz: String, _ payments: [Payment], dialect: Dialect) -> JSONValue {
        switch dialect {
        case .v2:
            return .object([
                ("insz", .string(insz)),
                (
                    "payments",
                    .array(
                        payments.map { payment in
                            .object([
                                ("label", .string(payment.label)), ("amountCents", .int(payment.amountCents)),
                                ("periodStart", .string(payment.periodStart.iso8601)), ("periodEnd", .optional(payment.periodEnd?.iso8601)),
                                ("paymentDate", .optional(payment.paymentDate?.iso8601)), ("statusCode", .int(payment.statusCode)),
                                ("status", payment.status.map(JSONValue.int) ?? .null), ("automatic", .bool(payment.automatic)),
                                ("paidTo", .optional(payment.paidTo)), ("paidVia", .optional(payment.paidVia)),
                            ])
                        })
                ),
            ])
        case .v1:
            return .object([
                ("rijksregisternummer", .string(insz)),
                (
                    "betalingen",
                    .array(
                        payments.map { payment in
                            .object([
                                ("steun", .string(payment.label)),
                                ("bedrag", .string(BelgianNotation.money(cents: payment.amountCents))),
                                ("periode", .string(BelgianNotation.period(payment.periodStart, payment.periodEnd))),
                                ("betaaldatum", .string(BelgianNotation.date(payment.paymentDate))),
                                ("betaalcode", .string(String(payment.statusCode))),
                                ("betaalstatus", .string(payment.status.map(String.init) ?? "")),
                                ("automatisch", .string(payment.automatic ? "J" : "N")),
                                ("betaaldAan", .string(payment.paidTo ?? "")), ("betaaldVia", .string(payment.paidVia ?? "")),
                            ])
                        })
                ),
            ])
        }
    }

    static func error(_ message: String) -> JSONValue { .object([("error", .string(message))]) }
}
