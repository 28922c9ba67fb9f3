import OCMWCore

/// Well-known citizens that every generated dataset contains, for tests and demos.
public enum DemoCitizens {
    /// Jacqueline Vandenbrande, the citizen of the wireframes: a dossier at `gent` only.
    public static let wireframeINSZ = "85073003328"
    /// Pieter De Smet: dossiers at `gent` and `bonheiden`.
    public static let twoOCMWINSZ = "90031204551"
    /// A valid INSZ that no OCMW knows (never generated).
    public static let unknownINSZ = "78110512384"
    /// The wireframe citizen's debt reference at Gent.
    public static let wireframeReference = "568974"

    /// All fixed citizens.
    public static var all: [Citizen] { [wireframe, twoOCMW] }

    /// Jacqueline Vandenbrande, exactly as in the wireframes (Bijlage 4).
    public static let wireframe = Citizen(
        insz: wireframeINSZ, firstName: "Jacqueline", lastName: "Vandenbrande",
        records: [
            OCMWRecord(
                tenant: tenant("gent"), reference: wireframeReference,
                dossiers: [DossierPeriod(capacity: "LL", since: .literal(2022, 8, 1))],
                debts: wireframeDebts, payments: wireframePayments, rights: wireframeRights,
                trajectories: wireframeTrajectories, requests: wireframeRequests, certificates: wireframeCertificates,
                debtContact: wireframeDebtContact, plannedPayments: wireframePlannedPayments)
        ])

    static let wireframeDebts: [Debt] = [
        Debt(
            description: "Verhuur", periodStart: .literal(2023, 8, 20), decisionDate: .literal(2023, 8, 15),
            decisionPoint: "223", originalCents: 30_000, outstandingCents: 30_000),
        Debt(
            description: "Prothese", periodStart: .literal(2023, 7, 3), decisionDate: .literal(2023, 6, 1),
            decisionPoint: "358", originalCents: 68_000, outstandingCents: 68_000),
        Debt(
            description: "Verplooiingsvergoeding", periodStart: .literal(2023, 4, 20),
            originalCents: 2_000, outstandingCents: 2_000),
        Debt(description: "Karwei", periodStart: .literal(2023, 4, 20), originalCents: 7_196, outstandingCents: 7_196),
        Debt(
            description: "Huurwaarborg", periodStart: .literal(2022, 10, 1), decisionDate: .literal(2022, 10, 10),
            decisionPoint: "157", originalCents: 90_000, outstandingCents: 90_000),
        Debt(
            description: "Leefloon", periodStart: .literal(2022, 8, 1), periodEnd: .literal(2023, 9, 30),
            decisionDate: .literal(2022, 10, 8), decisionPoint: "122", originalCents: 100_000, outstandingCents: 75_000),
        Debt(
            description: "Speelpleinwerking", periodStart: .literal(2022, 7, 1), periodEnd: .literal(2022, 7, 31),
            originalCents: 6_200, outstandingCents: 0),
    ]

    static let wireframePayments: [Payment] = {
        let start = DayDate.literal(2023, 8, 1), end = DayDate.literal(2023, 8, 31), paid = DayDate.literal(2023, 9, 2)
        return [
            Payment(
                label: "leefloon", amountCents: 45_000, periodStart: start, periodEnd: .literal(2023, 8, 18),
                paymentDate: paid, statusCode: 3, paidVia: "aan kassa"),
            Payment(
                label: "inhouding schuld OCMW (partner)", amountCents: 2_500, periodStart: start, periodEnd: end,
                paymentDate: paid, statusCode: 3, paidTo: "OCMW Gent"),
            Payment(
                label: "inhouding energiekosten", amountCents: 13_025, periodStart: start, periodEnd: end,
                paymentDate: paid, statusCode: 3, paidTo: "Engie"),
            Payment(
                label: "medische kosten", amountCents: 5_543, periodStart: .literal(2023, 8, 25),
                paymentDate: .literal(2023, 8, 25), statusCode: 3, paidTo: "AZ Jan Palfijn"),
            Payment(
                label: "leefloon", amountCents: 33_956, periodStart: .literal(2023, 8, 19), periodEnd: end,
                statusCode: 3, automatic: true),
            Payment(
                label: "aanvullende financiële hulp", amountCents: 15_845, periodStart: start, periodEnd: end,
                statusCode: 2999),
            // "status 1": both the code and the status say "not paid", whichever field a reader checks.
            Payment(
                label: "inhouding huishuur", amountCents: 58_986, periodStart: start, periodEnd: end,
                statusCode: 1, status: 1),
        ]
    }()

    /// Pieter De Smet: moved from Bonheiden to Gent; open and paid-off debts at both.
    public static let twoOCMW = Citizen(
        insz: twoOCMWINSZ, firstName: "Pieter", lastName: "De Smet",
        records: [
            OCMWRecord(
                tenant: tenant("gent"), reference: "612045",
                dossiers: [DossierPeriod(capacity: "LL", since: .literal(2023, 3, 1))],
                debts: [
                    Debt(
                        description: "Leefloon", periodStart: .literal(2023, 3, 1), periodEnd: .literal(2023, 5, 31),
                        decisionDate: .literal(2023, 6, 14), decisionPoint: "87", originalCents: 123_456, outstandingCents: 100_000),
                    Debt(
                        description: "Huurwaarborg", periodStart: .literal(2023, 4, 1), decisionDate: .literal(2023, 3, 22),
                        decisionPoint: "41", originalCents: 150_000, outstandingCents: 150_000),
                    Debt(
                        description: "Maaltijden", periodStart: .literal(2023, 9, 1), periodEnd: .literal(2023, 9, 30),
                        originalCents: 8_450, outstandingCents: 0),
                ],
                payments: [
                    Payment(
                        label: "leefloon", amountCents: 126_412, periodStart: .literal(2023, 8, 1), periodEnd: .literal(2023, 8, 31),
                        paymentDate: .literal(2023, 9, 1), statusCode: 3, paidVia: "overschrijving")
                ],
                rights: twoOCMWGent.rights, trajectories: twoOCMWGent.trajectories, requests: twoOCMWGent.requests,
                certificates: twoOCMWGent.certificates, debtContact: twoOCMWGent.debtContact,
                plannedPayments: twoOCMWGent.plannedPayments),
            OCMWRecord(
                tenant: tenant("bonheiden"), reference: "204517",
                // Budget guidance ended; debt mediation for the remaining debts is still running.
                dossiers: [
                    DossierPeriod(capacity: "BB", since: .literal(2020, 1, 15), until: .literal(2023, 2, 28)),
                    DossierPeriod(capacity: "SB", since: .literal(2023, 3, 1)),
                ],
                debts: [
                    Debt(
                        description: "Energiefactuur", periodStart: .literal(2021, 11, 1), periodEnd: .literal(2022, 2, 28),
                        decisionDate: .literal(2022, 3, 9), decisionPoint: "15", originalCents: 245_075, outstandingCents: 112_030),
                    Debt(description: "Voorschot", periodStart: .literal(2022, 6, 10), originalCents: 5_000, outstandingCents: 0),
                ],
                payments: [
                    Payment(
                        label: "aanvullende financiële hulp", amountCents: 25_000, periodStart: .literal(2023, 1, 1),
                        periodEnd: .literal(2023, 1, 31), paymentDate: .literal(2023, 2, 3), statusCode: 3,
                        paidTo: "Fluvius")
                ],
                rights: twoOCMWBonheiden.rights, trajectories: twoOCMWBonheiden.trajectories,
                requests: twoOCMWBonheiden.requests, certificates: twoOCMWBonheiden.certificates,
                debtContact: twoOCMWBonheiden.debtContact, plannedPayments: twoOCMWBonheiden.plannedPayments),
        ])

    /// Tenant ids written here are literals known to be valid.
    static func tenant(_ id: String) -> TenantID {
        guard let tenant = TenantID(id) else { preconditionFailure("invalid built-in tenant id \(id)") }
        return tenant
    }
}
