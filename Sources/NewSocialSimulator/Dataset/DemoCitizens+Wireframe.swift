import OCMWCore

/// The wireframe citizen's rights, trajectories, requests and certificates (Bijlage 4).
extension DemoCitizens {
    /// "Toegekende rechten": leefloon, and aanvullende financiële hulp of € 110/maand, both
    /// 01/03/2023-29/02/2024 on condition; plus a refused and a pending decision that the
    /// citizen must not see as rights.
    static let wireframeRights: [Right] = [
        Right(
            code: "LL", label: "Leefloon", decision: .granted, since: .literal(2023, 3, 1), until: .literal(2024, 2, 29),
            conditional: true),
        Right(
            code: "AFH", label: "Aanvullende financiële hulp", decision: .granted, since: .literal(2023, 3, 1),
            until: .literal(2024, 2, 29), monthlyAmountCents: 11_000, conditional: true),
        Right(
            code: "SP", label: "Stookoliepremie", decision: .refused, since: .literal(2023, 1, 1),
            until: .literal(2023, 12, 31), conditional: false),
        Right(
            code: "MK", label: "Tussenkomst medische kosten", decision: .pending, since: .literal(2023, 9, 1),
            conditional: false),
    ]

    /// The wireframe's maatschappelijk werker, the case worker of the citizen's requests.
    static var wireframeCaseWorker: ContactPerson { wireframeTrajectories[0].contacts[0] }

    /// The contact persons of the wireframe, exactly as written there, one trajectory each.
    static let wireframeTrajectories: [Trajectory] = [
        Trajectory(
            code: "LL", label: "Leefloon en budgetbeheer", since: .literal(2022, 8, 1),
            contacts: [
                ContactPerson(
                    name: "Inge Claus", role: "maatschappelijk werker", phone: "0475/895742",
                    email: "inge.claus@ocmw.gent",
                    office: Office(
                        name: "Welzijnsbureau Sint-Amandsberg", streetAndNumber: "Wittemolenstraat 89",
                        postalCode: "9040", municipality: "Sint-Amandsberg"))
            ]),
        Trajectory(
            code: "ACT", label: "Activering", since: .literal(2023, 1, 9),
            contacts: [
                ContactPerson(
                    name: "Bart Van Brabant", role: "Activeringsbegeleider", phone: "0499/895742",
                    email: "bart.vanbrabant@ocmw.gent",
                    office: Office(
                        name: "MAACT", streetAndNumber: "Malsstraat 142", postalCode: "9000",
                        municipality: "Gent"))
            ]),
        Trajectory(
            code: "WB", label: "Woonbegeleiding", since: .literal(2023, 4, 3),
            contacts: [
                ContactPerson(
                    name: "Michiel Declercq", role: "woonbegeleider", phone: "0478/589652",
                    email: "michiel.declercq@ocmw.gent",
                    office: Office(
                        name: "Sociale woonbegeleiding", streetAndNumber: "Offerlaan 264", postalCode: "9000",
                        municipality: "Gent"))
            ]),
        Trajectory(
            code: "PSY", label: "Psychologische begeleiding", since: .literal(2023, 5, 15),
            contacts: [
                ContactPerson(
                    name: "Eva De Mol", role: "psycholoog", phone: "0475/895742", email: "eva.demol@ocmw.gent",
                    office: Office(
                        name: "Psychologische dienst", streetAndNumber: "Sint-Martensstraat 13",
                        postalCode: "9000", municipality: "Gent"))
            ]),
        Trajectory(
            code: "SB", label: "Schuldbeheer", since: .literal(2022, 10, 1),
            contacts: [
                ContactPerson(
                    name: "Frans Ferdinand", role: "Dossierbeheerder schulden", phone: "0475/885848",
                    email: "frans.ferdinand@ocmw.gent",
                    office: Office(
                        name: "Dienst Financiën", streetAndNumber: "Franklin Rooseveltlaan 1",
                        postalCode: "9000", municipality: "Gent"))
            ]),
    ]

    /// Financial and administrative help under dossier 2023/155, both in progress; the latter
    /// (like budget guidance) gets no decision. The open ones and the leefloon are handled by
    /// Inge Claus, the maatschappelijk werker; the closed budget guidance names no case worker.
    static let wireframeRequests: [HelpRequest] = [
        HelpRequest(
            dossierNumber: "2023/155", kindCode: "AFH", kindLabel: "Aanvullende financiële hulp",
            submittedDate: .literal(2023, 9, 12), status: .inProgress, decisionExpected: true,
            caseWorker: wireframeCaseWorker),
        HelpRequest(
            dossierNumber: "2023/155", kindCode: "AH", kindLabel: "Administratieve hulp",
            submittedDate: .literal(2023, 9, 12), status: .inProgress, decisionExpected: false,
            caseWorker: wireframeCaseWorker),
        HelpRequest(
            dossierNumber: "2023/034", kindCode: "LL", kindLabel: "Leefloon", submittedDate: .literal(2023, 2, 6),
            status: .decided, decisionDate: .literal(2023, 2, 22), decisionExpected: true,
            caseWorker: wireframeCaseWorker),
        HelpRequest(
            dossierNumber: "2022/412", kindCode: "BB", kindLabel: "Budgetbegeleiding",
            submittedDate: .literal(2022, 8, 1), status: .closed, decisionExpected: false),
    ]

    /// "Contact schulden" of the wireframe: the debt file manager of the Dienst Financiën.
    static let wireframeDebtContact = ContactPerson(
        name: "Frans Ferdinand", role: "Dossierbeheerder schulden", phone: "0475/885848",
        email: "frans.ferdinand@ocmw.gent",
        office: Office(
            name: "Dienst Financiën", streetAndNumber: "Franklin Rooseveltlaan 1", postalCode: "9000",
            municipality: "Gent"))

    /// What Gent has planned for the coming months: the leefloon of the wireframe and the
    /// deduction for energy, this month and the next.
    static let wireframePlannedPayments: [PlannedPayment] = [
        PlannedPayment(label: "leefloon", amountCents: 78_956, monthsAhead: 0),
        PlannedPayment(label: "inhouding energiekosten", amountCents: 13_025, monthsAhead: 0, paidTo: "Engie"),
        PlannedPayment(label: "leefloon", amountCents: 78_956, monthsAhead: 1),
        PlannedPayment(label: "inhouding energiekosten", amountCents: 13_025, monthsAhead: 1, paidTo: "Engie"),
    ]

    static let wireframeCertificates: [Certificate] = [
        Certificate(
            id: "ATT-2023-0042", typeCode: "ATT-LL", typeLabel: "Attest leefloon", status: .available,
            requestedDate: .literal(2023, 9, 1), issuedDate: .literal(2023, 9, 4)),
        Certificate(
            id: "ATT-2023-0057", typeCode: "ATT-STEUN", typeLabel: "Attest ontvangen steun", status: .requested,
            requestedDate: .literal(2023, 9, 20)),
    ]
}

/// Pieter De Smet's parts at both OCMWs: something in every part at each.
extension DemoCitizens {
    /// The parts of a record besides dossiers, debts and payments.
    struct Parts {
        var rights: [Right]
        var trajectories: [Trajectory]
        var requests: [HelpRequest]
        var certificates: [Certificate]
        var debtContact: ContactPerson?
        var plannedPayments: [PlannedPayment] = []
    }

    static let twoOCMWGent = Parts(
        // Granted until further notice, as long as his Gent dossier runs: a current right beside
        // Bonheiden's ended one.
        rights: [
            Right(code: "LL", label: "Leefloon", decision: .granted, since: .literal(2023, 3, 1), conditional: true)
        ],
        trajectories: [
            Trajectory(
                code: "LL", label: "Leefloon", since: .literal(2023, 3, 1),
                contacts: [
                    ContactPerson(
                        name: "Sofie Peeters", role: "maatschappelijk werker", phone: "09/266 84 10",
                        email: "sofie.peeters@ocmw.gent",
                        office: Office(
                            name: "Welzijnsbureau Zuid", streetAndNumber: "Woodrow Wilsonplein 1",
                            postalCode: "9000", municipality: "Gent"))
                ])
        ],
        requests: [
            HelpRequest(
                dossierNumber: "2023/088", kindCode: "LL", kindLabel: "Leefloon",
                submittedDate: .literal(2023, 2, 13), status: .decided, decisionDate: .literal(2023, 2, 28),
                decisionExpected: true)
        ],
        certificates: [
            Certificate(
                id: "ATT-2023-0311", typeCode: "ATT-LL", typeLabel: "Attest leefloon", status: .available,
                requestedDate: .literal(2023, 10, 2), issuedDate: .literal(2023, 10, 5))
        ],
        // No debt file manager: the financial department answers.
        debtContact: ContactPerson(
            name: "Dienst Financiën", role: "financiële dienst", phone: "09/266 98 00", email: "financien@ocmw.gent",
            office: Office(
                name: "Administratief Centrum", streetAndNumber: "Onderbergen 86", postalCode: "9000",
                municipality: "Gent")),
        plannedPayments: [PlannedPayment(label: "leefloon", amountCents: 126_412, monthsAhead: 1)])

    static let twoOCMWBonheiden = Parts(
        rights: [
            Right(
                code: "AFH", label: "Aanvullende financiële hulp", decision: .granted, since: .literal(2020, 2, 1),
                until: .literal(2023, 2, 28), monthlyAmountCents: 7_500, conditional: true)
        ],
        trajectories: [
            Trajectory(
                code: "BB", label: "Budgetbegeleiding", since: .literal(2020, 1, 15),
                until: .literal(2023, 2, 28),
                contacts: [
                    ContactPerson(
                        name: "Hilde Wouters", role: "budgetbegeleider", phone: "015/50 21 30",
                        email: "hilde.wouters@ocmw-bonheiden.be",
                        office: Office(
                            name: "Sociaal Huis Bonheiden", streetAndNumber: "Dorpsstraat 12",
                            postalCode: "2820", municipality: "Bonheiden"))
                ])
        ],
        requests: [
            HelpRequest(
                dossierNumber: "2020/017", kindCode: "BB", kindLabel: "Budgetbegeleiding",
                submittedDate: .literal(2020, 1, 6), status: .closed, decisionExpected: false),
            HelpRequest(
                dossierNumber: "2020/017", kindCode: "AFH", kindLabel: "Aanvullende financiële hulp",
                submittedDate: .literal(2020, 1, 6), status: .closed, decisionDate: .literal(2020, 1, 29),
                decisionExpected: true),
        ],
        certificates: [
            Certificate(
                id: "B-2023-007", typeCode: "ATT-STEUN", typeLabel: "Attest ontvangen steun",
                status: .available, requestedDate: .literal(2023, 2, 10), issuedDate: .literal(2023, 2, 14))
        ],
        debtContact: ContactPerson(
            name: "Koen Verstraeten", role: "Dossierbeheerder schulden", phone: "015/50 21 44",
            email: "koen.verstraeten@ocmw-bonheiden.be",
            office: Office(
                name: "Sociaal Huis Bonheiden", streetAndNumber: "Dorpsstraat 12", postalCode: "2820",
                municipality: "Bonheiden")),
        plannedPayments: [
            PlannedPayment(label: "aanvullende financiële hulp", amountCents: 25_000, monthsAhead: 1, paidTo: "Fluvius")
        ])
}
