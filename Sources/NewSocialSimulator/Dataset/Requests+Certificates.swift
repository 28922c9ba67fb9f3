import OCMWCore

/// Where a request for help stands, dialect-neutral (v2 writes these names, v1 Dutch codes).
public enum RequestState: String, Codable, Sendable, CaseIterable {
    case submitted, inProgress, decided, closed
}

/// A request for help.
public struct HelpRequest: Codable, Sendable, Equatable {
    /// E.g. `2023/155`; several requests of one dossier share it.
    public var dossierNumber: String
    /// Category of help, from the OCMW's code table (e.g. `AH`).
    public var kindCode: String
    /// Its label (e.g. `Administratieve hulp`).
    public var kindLabel: String
    /// When it was submitted.
    public var submittedDate: DayDate
    public var status: RequestState
    /// When the BCSD decided, once it did.
    public var decisionDate: DayDate?
    /// Whether this request gets a BCSD decision at all; `nil` leaves it unsaid on the wire.
    public var decisionExpected: Bool?
    /// The social worker who handles it, once the OCMW assigned one.
    public var caseWorker: ContactPerson?

    /// A request for help.
    public init(
        dossierNumber: String, kindCode: String, kindLabel: String, submittedDate: DayDate,
        status: RequestState, decisionDate: DayDate? = nil, decisionExpected: Bool?, caseWorker: ContactPerson? = nil
    ) {
        self.caseWorker = caseWorker
        self.dossierNumber = dossierNumber
        self.kindCode = kindCode
        self.kindLabel = kindLabel
        self.submittedDate = submittedDate
        self.status = status
        self.decisionDate = decisionDate
        self.decisionExpected = decisionExpected
    }
}

/// Where a certificate stands.
public enum CertificateState: String, Codable, Sendable, CaseIterable {
    case requested, available
}

/// A certificate (attest) requested by the citizen.
public struct Certificate: Codable, Sendable, Equatable {
    /// Unique per citizen and OCMW, e.g. `ATT-2023-0042`.
    public var id: String
    /// Certificate type code (e.g. `ATT-LL`).
    public var typeCode: String
    /// Its label (e.g. `Attest leefloon`).
    public var typeLabel: String
    public var status: CertificateState
    /// When it was requested.
    public var requestedDate: DayDate
    /// When it was issued; `nil` while requested.
    public var issuedDate: DayDate?

    /// A certificate.
    public init(
        id: String, typeCode: String, typeLabel: String, status: CertificateState,
        requestedDate: DayDate, issuedDate: DayDate? = nil
    ) {
        self.id = id
        self.typeCode = typeCode
        self.typeLabel = typeLabel
        self.status = status
        self.requestedDate = requestedDate
        self.issuedDate = issuedDate
    }
}
