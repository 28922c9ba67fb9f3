import OCMWCore

/// One OCMW's dossier on one citizen: every part a New Social installation serves.
public struct OCMWRecord: Sendable, Equatable {
    /// The OCMW holding this record.
    public var tenant: TenantID
    /// The debt file's reference at this OCMW (e.g. `568974`).
    public var reference: String
    /// Capacities the citizen is followed in.
    public var dossiers: [DossierPeriod]
    /// Debts to the OCMW, paid-off ones included.
    public var debts: [Debt]
    /// Payments to or for the citizen, all months.
    public var payments: [Payment]
    /// Decisions on rights, whatever their outcome.
    public var rights: [Right]
    /// Running and ended trajectories, with their contact persons.
    public var trajectories: [Trajectory]
    /// Requests for help.
    public var requests: [HelpRequest]
    /// Certificates requested or issued.
    public var certificates: [Certificate]
    /// Whom to contact about the debts (the debt file manager, or the financial department).
    public var debtContact: ContactPerson?
    /// Payments New Social has planned for coming months, served relative to the simulator's
    /// today so that they are always upcoming.
    public var plannedPayments: [PlannedPayment]

    /// A record of one OCMW.
    public init(
        tenant: TenantID, reference: String, dossiers: [DossierPeriod], debts: [Debt], payments: [Payment],
        rights: [Right] = [], trajectories: [Trajectory] = [], requests: [HelpRequest] = [],
        certificates: [Certificate] = [], debtContact: ContactPerson? = nil, plannedPayments: [PlannedPayment] = []
    ) {
        self.debtContact = debtContact
        self.plannedPayments = plannedPayments
        self.tenant = tenant
        self.reference = reference
        self.dossiers = dossiers
        self.debts = debts
        self.payments = payments
        self.rights = rights
        self.trajectories = trajectories
        self.requests = requests
        self.certificates = certificates
    }

    /// The certificate with this id, if any.
    public func certificate(id: String) -> Certificate? { certificates.first { $0.id == id } }
}

extension OCMWRecord: Codable {
    /// Decodes a record; the parts added after debts and payments may be missing (a dataset file
    /// written before they existed), and then are empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tenant: try container.decode(TenantID.self, forKey: .tenant),
            reference: try container.decode(String.self, forKey: .reference),
            dossiers: try container.decode([DossierPeriod].self, forKey: .dossiers),
            debts: try container.decode([Debt].self, forKey: .debts),
            payments: try container.decode([Payment].self, forKey: .payments),
            rights: try container.decodeIfPresent([Right].self, forKey: .rights) ?? [],
            trajectories: try container.decodeIfPresent([Trajectory].self, forKey: .trajectories) ?? [],
            requests: try container.decodeIfPresent([HelpRequest].self, forKey: .requests) ?? [],
            certificates: try container.decodeIfPresent([Certificate].self, forKey: .certificates) ?? [],
            debtContact: try container.decodeIfPresent(ContactPerson.self, forKey: .debtContact),
            plannedPayments: try container.decodeIfPresent([PlannedPayment].self, forKey: .plannedPayments) ?? [])
    }

    private enum CodingKeys: String, CodingKey {
        case tenant, reference, dossiers, debts, payments, rights, trajectories, requests, certificates, debtContact,
            plannedPayments
    }
}
