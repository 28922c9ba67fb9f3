import OCMWCore
import OCMWDomain

// The parts' models, keys in sorted byte order (see AnswerJSONWriter+Answers.swift).

extension AnswerJSONWriter {
    package mutating func write(_ summary: DossierSummary) {
        beginObject()
        key("capacity")
        string(summary.capacity)
        key("since")
        day(summary.since)
        if let until = summary.until {
            key("until")
            day(until)
        }
        endObject()
    }

    package mutating func write(_ rights: RightsOverview) {
        beginObject()
        key("granted")
        array(rights.granted) { $0.write($1) }
        key("unknownStatusCount")
        int(rights.unknownStatusCount)
        endObject()
    }

    private mutating func write(_ right: GrantedRight) {
        beginObject()
        key("code")
        string(right.code)
        key("conditional")
        bool(right.conditional)
        if right.ended == true {
            key("ended")
            bool(true)
        }
        key("label")
        string(right.label)
        if let cents = right.monthlyAmountCents {
            key("monthlyAmountCents")
            int(cents)
        }
        key("period")
        period(start: right.period.start, end: right.period.end)
        endObject()
    }

    package mutating func write(_ trajectory: Trajectory) {
        beginObject()
        string("code", ifPresent: trajectory.code)
        key("contacts")
        array(trajectory.contacts) { $0.write($1) }
        if trajectory.ended == true {
            key("ended")
            bool(true)
        }
        key("label")
        string(trajectory.label)
        key("since")
        day(trajectory.since)
        if let until = trajectory.until {
            key("until")
            day(until)
        }
        endObject()
    }

    private mutating func write(_ contact: ContactPerson) {
        beginObject()
        string("email", ifPresent: contact.email)
        key("name")
        string(contact.name)
        if let office = contact.office {
            key("office")
            beginObject()
            key("municipality")
            string(office.municipality)
            string("name", ifPresent: office.name)
            key("postalCode")
            string(office.postalCode)
            key("streetAndNumber")
            string(office.streetAndNumber)
            endObject()
        }
        string("phone", ifPresent: contact.phone)
        string("role", ifPresent: contact.role)
        endObject()
    }

    package mutating func write(_ payments: PaymentsPart) {
        beginObject()
        key("months")
        write(payments.months)
        writeGroups(payments.overview, perMonth: payments.perMonth)
        if let upcoming = payments.upcoming {
            key("upcoming")
            beginObject()
            key("months")
            write(upcoming.months)
            key("perMonth")
            array(upcoming.perMonth) { $0.write($1) }
            endObject()
        }
        endObject()
    }

    private mutating func write(_ range: MonthRange) {
        beginObject()
        key("from")
        month(range.from)
        key("to")
        month(range.to)
        endObject()
    }

    /// The four groups, with `perMonth` in its sorted place between `paidToYou` and `unknownStatus`.
    private mutating func writeGroups(_ groups: PaymentsOverview, perMonth: [MonthPayments]?) {
        key("notPaid")
        array(groups.notPaid) { $0.write($1) }
        key("paidForYou")
        array(groups.paidForYou) { $0.write($1) }
        key("paidToYou")
        array(groups.paidToYou) { $0.write($1) }
        if let perMonth {
            key("perMonth")
            array(perMonth) { $0.write($1) }
        }
        key("unknownStatus")
        array(groups.unknownStatus) { $0.write($1) }
    }

    private mutating func write(_ month: MonthPayments) {
        beginObject()
        key("month")
        self.month(month.month)
        writeGroups(month.groups, perMonth: nil)
        endObject()
    }

    private mutating func write(_ payment: Payment) {
        beginObject()
        key("amountCents")
        int(payment.amountCents)
        key("label")
        string(payment.label)
        string("paidTo", ifPresent: payment.paidTo)
        string("paidVia", ifPresent: payment.paidVia)
        if let date = payment.paymentDate {
            key("paymentDate")
            day(date)
        }
        key("period")
        period(start: payment.period.start, end: payment.period.end)
        string("rawStatus", ifPresent: payment.status.rawCode)
        key("status")
        string(payment.status.name)
        endObject()
    }

    /// A `DatePeriod` or a `ValidityPeriod`: the same two keys.
    private mutating func period(start: DayDate, end: DayDate?) {
        beginObject()
        if let end {
            key("end")
            day(end)
        }
        key("start")
        day(start)
        endObject()
    }

    package mutating func write(_ debts: DebtOverview) {
        beginObject()
        if let contact = debts.contact {
            key("contact")
            write(contact)
        }
        key("items")
        array(debts.items) { $0.write($1) }
        string("reference", ifPresent: debts.reference)
        key("totals")
        beginObject()
        key("originalCents")
        int(debts.totals.originalCents)
        key("outstandingCents")
        int(debts.totals.outstandingCents)
        endObject()
        endObject()
    }

    private mutating func write(_ debt: Debt) {
        beginObject()
        if let decision = debt.decision {
            key("decision")
            beginObject()
            key("date")
            day(decision.date)
            string("point", ifPresent: decision.point)
            endObject()
        }
        key("description")
        string(debt.description)
        key("originalCents")
        int(debt.originalCents)
        key("outstandingCents")
        int(debt.outstandingCents)
        key("paidOff")
        bool(debt.paidOff)
        key("period")
        period(start: debt.period.start, end: debt.period.end)
        endObject()
    }

    package mutating func write(_ entry: RequestEntry) {
        switch entry {
        case .reported(let request, let submissionID): write(request, submissionID: submissionID)
        case .submitted(let submitted): write(submitted)
        }
    }

    private mutating func write(_ submitted: SubmittedRequest) {
        beginObject()
        string("dossierNumber", ifPresent: submitted.dossierNumber)
        string("reason", ifPresent: submitted.reason)
        key("status")
        string(submitted.status.rawValue)
        key("submissionId")
        string(submitted.submissionId)
        key("submissionKind")
        string(submitted.submissionKind)
        key("submittedAt")
        string(submitted.submittedAt)
        key("submittedDate")
        day(submitted.submittedDate)
        endObject()
    }

    private mutating func write(_ request: HelpRequest, submissionID: String?) {
        beginObject()
        if let caseWorker = request.caseWorker {
            key("caseWorker")
            write(caseWorker)
        }
        if let date = request.decisionDate {
            key("decisionDate")
            day(date)
        }
        key("dossierNumber")
        string(request.dossierNumber)
        key("kind")
        write(request.kind)
        string("rawStatus", ifPresent: request.status.rawCode)
        key("status")
        string(request.status.name)
        key("steps")
        array(request.steps) { $0.string($1.rawValue) }
        string("submissionId", ifPresent: submissionID)
        key("submittedDate")
        day(request.submittedDate)
        endObject()
    }

    package mutating func write(_ entry: CertificateEntry) {
        let certificate = entry.certificate
        beginObject()
        string("download", ifPresent: entry.download)
        key("id")
        string(certificate.id)
        if let date = certificate.issuedDate {
            key("issuedDate")
            day(date)
        }
        string("rawStatus", ifPresent: certificate.status.rawCode)
        key("requestedDate")
        day(certificate.requestedDate)
        key("status")
        string(certificate.status.name)
        string("submissionId", ifPresent: entry.submissionID)
        key("type")
        write(certificate.type)
        endObject()
    }

    private mutating func write(_ label: CodeLabel) {
        beginObject()
        key("code")
        string(label.code)
        key("label")
        string(label.label)
        endObject()
    }
}
