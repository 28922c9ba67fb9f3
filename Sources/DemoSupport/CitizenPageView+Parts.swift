/// One OCMW's block in each section of the citizen page.
extension CitizenPageView {
    package struct RightsBlock {
        package struct Right {
            let label: String
            let period: String
            let conditional: Bool
            let amount: String
            let hasAmount: Bool
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let granted: [Right]
        package let isEmpty: Bool
        package let hasConditional: Bool

        package init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.rights.status, ocmwName: entry.ocmw.name)
            granted = (entry.parts.rights.data?.granted ?? []).map { right in
                Right(
                    label: right.label, period: DutchFormat.openPeriod(start: right.period.start, end: right.period.end),
                    conditional: right.conditional,
                    amount: right.monthlyAmountCents.map { "\(DutchFormat.money(cents: $0))/maand" } ?? "",
                    hasAmount: right.monthlyAmountCents != nil)
            }
            isEmpty = state.available && granted.isEmpty
            hasConditional = granted.contains { $0.conditional }
        }
    }

    package struct TrajectoriesBlock {
        package struct Contact {
            package let name: String
            package let role: String
            package let hasRole: Bool
            package let phone: String
            package let hasPhone: Bool
            package let email: String
            package let hasEmail: Bool
            package let officeLines: [String]
            package let hasOffice: Bool

            /// A contact person of the answer (a trajectory's, or the debts' contact).
            package init(_ contact: DossierDocument.Trajectory.Contact) {
                let office =
                    contact.office.map { office in
                        [office.name, office.streetAndNumber, "\(office.postalCode) \(office.municipality)"].compactMap { $0 }
                    } ?? []
                name = contact.name
                role = contact.role ?? ""
                hasRole = contact.role != nil
                phone = contact.phone ?? ""
                hasPhone = contact.phone != nil
                email = contact.email ?? ""
                hasEmail = contact.email != nil
                officeLines = office
                hasOffice = !office.isEmpty
            }
        }
        package struct Trajectory {
            let label: String
            let period: String
            let contacts: [Contact]
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let trajectories: [Trajectory]
        package let isEmpty: Bool

        package init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.trajectories.status, ocmwName: entry.ocmw.name)
            trajectories = (entry.parts.trajectories.data ?? []).map { trajectory in
                Trajectory(
                    label: trajectory.label,
                    period: DutchFormat.openPeriod(start: trajectory.since, end: trajectory.until),
                    contacts: trajectory.contacts.map(Contact.init))
            }
            isEmpty = state.available && trajectories.isEmpty
        }
    }

    package struct PaymentsBlock {
        package struct Payment {
            package let label: String
            package let amount: String
            package let period: String
            package let date: String
            package let counterpart: String
            package let status: String
        }
        /// One month's payments ("Betalingen augustus 2023"), their rows behind "Bekijk details".
        package struct Month {
            package let month: String
            package let title: String
            package let paidToYou: [Payment]
            package let paidForYou: [Payment]
            package let notPaid: [Payment]
            package let unknownStatus: [Payment]
            package let hasPaidToYou: Bool
            package let hasPaidForYou: Bool
            package let hasNotPaid: Bool
            package let hasUnknownStatus: Bool
            package let count: Int
            package let isEmpty: Bool

            init(_ month: DossierDocument.Payments.Month, title: String) {
                self.month = month.month
                self.title = title
                paidToYou = month.paidToYou.map { PaymentsBlock.row($0, counterpart: $0.paidVia) }
                paidForYou = month.paidForYou.map { PaymentsBlock.row($0, counterpart: $0.paidTo) }
                notPaid = month.notPaid.map { PaymentsBlock.row($0, counterpart: nil) }
                unknownStatus = month.unknownStatus.map { PaymentsBlock.row($0, counterpart: nil) }
                hasPaidToYou = !paidToYou.isEmpty
                hasPaidForYou = !paidForYou.isEmpty
                hasNotPaid = !notPaid.isEmpty
                hasUnknownStatus = !unknownStatus.isEmpty
                count = paidToYou.count + paidForYou.count + notPaid.count + unknownStatus.count
                isEmpty = count == 0
            }
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let months: String
        /// The past months, the latest first, as the portal lists them.
        package let perMonth: [Month]
        /// The current and coming months' planned payments.
        package let upcoming: [Month]
        package let hasUpcoming: Bool
        package let isEmpty: Bool

        package init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.payments.status, ocmwName: entry.ocmw.name)
            let data = entry.parts.payments.data
            months =
                data.map { data in
                    data.months.from == data.months.to
                        ? DutchFormat.month(data.months.from)
                        : "\(DutchFormat.month(data.months.from)) tot \(DutchFormat.month(data.months.to))"
                } ?? ""
            perMonth = (data?.perMonth ?? []).reversed().map { Month($0, title: "Betalingen \(DutchFormat.month($0.month))") }
            upcoming = (data?.upcoming?.perMonth ?? []).filter { !Self.isEmpty($0) }.map {
                Month($0, title: "Gepland voor \(DutchFormat.month($0.month))")
            }
            hasUpcoming = !upcoming.isEmpty
            isEmpty = state.available && perMonth.allSatisfy(\.isEmpty)
        }

        private static func isEmpty(_ month: DossierDocument.Payments.Month) -> Bool {
            month.paidToYou.isEmpty && month.paidForYou.isEmpty && month.notPaid.isEmpty && month.unknownStatus.isEmpty
        }

        static func row(_ payment: DossierDocument.Payments.Payment, counterpart: String?) -> Payment {
            Payment(
                label: payment.label, amount: DutchFormat.money(cents: payment.amountCents),
                period: DutchFormat.period(start: payment.period.start, end: payment.period.end),
                date: payment.paymentDate.map(DutchFormat.day) ?? "", counterpart: counterpart ?? "",
                status: Self.status[payment.status] ?? "onbekend")
        }

        package static let status = ["paid": "betaald", "inPayment": "in betaling", "notPaid": "niet betaald", "unknown": "onbekend"]
    }

    package struct DebtsBlock {
        package struct Debt {
            package let description: String
            package let period: String
            package let decision: String
            package let original: String
            package let outstanding: String
            package let paidOff: Bool
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let reference: String
        package let totalOriginal: String
        package let totalOutstanding: String
        package let debts: [Debt]
        package let hasPaidOff: Bool
        package let isEmpty: Bool
        /// "Contact schulden": whom to ask about these debts.
        package let contact: TrajectoriesBlock.Contact?

        package init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.debts.status, ocmwName: entry.ocmw.name)
            let data = entry.parts.debts.data
            reference = data?.reference ?? "—"
            totalOriginal = DutchFormat.money(cents: data?.totals.originalCents ?? 0)
            totalOutstanding = DutchFormat.money(cents: data?.totals.outstandingCents ?? 0)
            debts = (data?.items ?? []).map { debt in
                Debt(
                    description: debt.description, period: DutchFormat.period(start: debt.period.start, end: debt.period.end),
                    decision: debt.decision.map { decision in
                        DutchFormat.day(decision.date) + (decision.point.map { " punt \($0)" } ?? "")
                    } ?? "",
                    original: DutchFormat.money(cents: debt.originalCents),
                    outstanding: DutchFormat.money(cents: debt.outstandingCents), paidOff: debt.paidOff)
            }
            hasPaidOff = debts.contains { $0.paidOff }
            isEmpty = state.available && debts.isEmpty
            contact = data?.contact.map(TrajectoriesBlock.Contact.init)
        }
    }
}
