import OCMWCore

/// The checks every dialect applies once its values are typed, so both dialects accept and
/// reject exactly the same things.
///
/// A field's JSON path (`debts[2].originalCents`) is taken as an `@autoclosure`, here and in the
/// dialects' notations: it is only written out when the value is wrong. Built for every field of
/// every record, the paths were a string interpolation per field on the path of every answer.
enum RecordRules {
    /// Upper bound for one amount: 10 000 000 000 EUR. Far above any real debt or payment, and
    /// low enough that summing every amount a maximal response can hold never overflows `Int`.
    static let maxCents = 1_000_000_000_000

    /// Throws unless the body and every record in it are about the citizen asked for.
    ///
    /// Runs before any record is read, so a response about someone else is always reported as
    /// such, whatever else is wrong with it. The comparison is on the exact 11 digits the
    /// contract prescribes: a number in any other form is not trusted to be the same citizen.
    static func requireSameCitizen(
        body reported: String, field: @autoclosure () -> String, records: [some CitizenRecord],
        recordsField: String, as insz: INSZ
    ) throws(NormalisationError) {
        guard reported == insz.digits else { throw NormalisationError(.inszMismatch, field: field()) }
        for (index, record) in records.enumerated() {
            if let other = record.reportedINSZ, other != insz.digits {
                throw NormalisationError(.inszMismatch, field: "\(recordsField)[\(index)]")
            }
        }
    }

    /// A required text: absent, empty or blank is an error.
    static func requiredText(_ text: String?, field: @autoclosure () -> String) throws(NormalisationError) -> String {
        guard let text, !text.allSatisfy(\.isWhitespace) else { throw NormalisationError(.missingValue, field: field()) }
        return text
    }

    /// An optional text: absent, empty or blank all mean "not given".
    static func optionalText(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// An amount in cents that must be neither negative nor implausibly large.
    static func amount(_ cents: Int, field: @autoclosure () -> String) throws(NormalisationError) -> Int {
        if cents < 0 { throw NormalisationError(.negativeAmount, field: field()) }
        if cents > maxCents { throw NormalisationError(.amountOutOfRange, field: field()) }
        return cents
    }

    static func period(start: CalendarDate, end: CalendarDate?, field: @autoclosure () -> String) throws(NormalisationError) -> DatePeriod {
        guard let period = DatePeriod(start: start, end: end) else { throw NormalisationError(.invalidPeriod, field: field()) }
        return period
    }

    /// A decision needs its date; an agenda point without one is a broken record.
    static func decision(date: CalendarDate?, point: String?, field: @autoclosure () -> String) throws(NormalisationError) -> Decision? {
        switch (date, optionalText(point)) {
        case (nil, nil): return nil
        case (nil, _?): throw NormalisationError(.incompleteDecision, field: field())
        case let (date?, point): return Decision(date: date, point: point)
        }
    }

    static func debt(
        description: String, period: DatePeriod, decision: Decision?, originalCents: Int,
        outstandingCents: Int, field: @autoclosure () -> String
    ) throws(NormalisationError) -> Debt {
        guard outstandingCents <= originalCents else {
            throw NormalisationError(.outstandingExceedsOriginal, field: field())
        }
        return Debt(
            description: description, period: period, decision: decision,
            originalCents: originalCents, outstandingCents: outstandingCents)
    }

    static func status(code: Int?, status: Int?, automatic: Bool, paymentDate: CalendarDate?) -> PaymentStatus {
        PaymentStatus(newSocialCode: code, status: status, automatic: automatic, hasPaymentDate: paymentDate != nil)
    }

    static func dossier(
        capacity: String, since: CalendarDate, until: CalendarDate?,
        field: @autoclosure () -> String
    ) throws(NormalisationError) -> DossierSummary {
        guard let summary = DossierSummary(capacity: capacity, since: since, until: until) else {
            throw NormalisationError(.invalidPeriod, field: field())
        }
        return summary
    }
}
