import OCMWCore

/// The checks of the parts added after debts and payments; see `RecordRules`.
extension RecordRules {
    static func validity(
        start: CalendarDate, end: CalendarDate?, field: @autoclosure () -> String
    ) throws(NormalisationError) -> ValidityPeriod {
        guard let period = ValidityPeriod(start: start, end: end) else { throw NormalisationError(.invalidPeriod, field: field()) }
        return period
    }

    /// An office from its parts: all absent is no office; an address needs all three of
    /// street, postal code and municipality, since a partial one cannot be visited or written to.
    static func office(
        name: String?, streetAndNumber: String?, postalCode: String?, municipality: String?,
        field: @autoclosure () -> String
    ) throws(NormalisationError) -> OfficeAddress? {
        let name = optionalText(name)
        switch (optionalText(streetAndNumber), optionalText(postalCode), optionalText(municipality)) {
        case (nil, nil, nil) where name == nil:
            return nil
        case let (street?, postalCode?, municipality?):
            return OfficeAddress(name: name, streetAndNumber: street, postalCode: postalCode, municipality: municipality)
        default:
            throw NormalisationError(.incompleteAddress, field: field())
        }
    }

    static func trajectory(
        code: String?, label: String, since: CalendarDate, until: CalendarDate?,
        contacts: [ContactPerson], field: @autoclosure () -> String
    ) throws(NormalisationError) -> Trajectory {
        guard let trajectory = Trajectory(code: code, label: label, since: since, until: until, contacts: contacts) else {
            throw NormalisationError(.invalidPeriod, field: field())
        }
        return trajectory
    }

    static func request(
        dossierNumber: String, kind: CodeLabel, submittedDate: CalendarDate, status: RequestStatus,
        decisionDate: CalendarDate?, decisionExpected: Bool?, caseWorker: ContactPerson?
    ) -> HelpRequest {
        HelpRequest(
            dossierNumber: dossierNumber, kind: kind, submittedDate: submittedDate, status: status,
            decisionDate: decisionDate,
            getsDecision: HelpRequest.getsDecision(
                expected: decisionExpected, kindCode: kind.code,
                status: status, decisionDate: decisionDate),
            caseWorker: caseWorker)
    }
}
