/// The `/v1/citizens/{insz}/dossier` answer as the citizen page reads it: a client's view of the
/// public API (docs/api.md), decoded from the JSON, not the proxy's internal model, so the page
/// shows exactly what Mijn Burgerprofiel would get.
package struct DossierDocument: Decodable, Sendable {
    /// The years in which the citizen has requests (the year navigation).
    package let years: [Int]?
    package struct OCMW: Decodable, Sendable {
        package struct Reference: Decodable, Sendable {
            let id: String
            let name: String
        }
        package let complete: Bool
        package let ocmw: Reference
        package let parts: Parts
    }

    package struct Parts: Decodable, Sendable {
        package let ocmws: Slot<[Summary]>
        package let rights: Slot<Rights>
        package let trajectories: Slot<[Trajectory]>
        package let payments: Slot<Payments>
        package let debts: Slot<Debts>
        package let requests: Slot<[HelpRequest]>
        package let certificates: Slot<[Certificate]>
    }

    /// One part at one OCMW: `data` when `status` is `ok`, a `reason` otherwise.
    package struct Slot<Value: Decodable & Sendable>: Decodable, Sendable {
        package let status: String
        package let data: Value?
        package let reason: String?
    }

    package struct Period: Decodable, Sendable {
        let start: String
        let end: String?
    }
    package struct CodeLabel: Decodable, Sendable {
        let code: String
        let label: String
    }

    package struct Summary: Decodable, Sendable {
        let capacity: String
        let since: String
        let until: String?
    }

    package struct Rights: Decodable, Sendable {
        package struct Right: Decodable, Sendable {
            package let code: String
            package let label: String
            package let period: Period
            package let monthlyAmountCents: Int?
            package let conditional: Bool
        }
        package let granted: [Right]
    }

    package struct Trajectory: Decodable, Sendable {
        package struct Contact: Decodable, Sendable {
            package struct Office: Decodable, Sendable {
                package let name: String?
                package let streetAndNumber: String
                package let postalCode: String
                package let municipality: String
            }
            package let name: String
            package let role: String?
            package let phone: String?
            package let email: String?
            package let office: Office?
        }
        package let label: String
        package let since: String
        package let until: String?
        package let contacts: [Contact]
    }

    package struct Payments: Decodable, Sendable {
        package struct Months: Decodable, Sendable {
            let from: String
            let to: String
        }
        package struct Payment: Decodable, Sendable {
            package let label: String
            package let amountCents: Int
            package let period: Period
            package let paymentDate: String?
            package let paidTo: String?
            package let paidVia: String?
            package let status: String
            package let rawStatus: String?
        }
        /// The payments of one month, grouped.
        package struct Month: Decodable, Sendable {
            package let month: String
            package let paidToYou: [Payment]
            package let paidForYou: [Payment]
            package let notPaid: [Payment]
            package let unknownStatus: [Payment]
        }
        package struct Upcoming: Decodable, Sendable {
            package let months: Months
            package let perMonth: [Month]
        }
        package let months: Months
        package let paidToYou: [Payment]
        package let paidForYou: [Payment]
        package let notPaid: [Payment]
        package let unknownStatus: [Payment]
        package let perMonth: [Month]
        package let upcoming: Upcoming?
    }

    package struct Debts: Decodable, Sendable {
        package struct Debt: Decodable, Sendable {
            package struct Decision: Decodable, Sendable {
                let date: String
                let point: String?
            }
            package let description: String
            package let period: Period
            package let decision: Decision?
            package let originalCents: Int
            package let outstandingCents: Int
            package let paidOff: Bool
        }
        package struct Totals: Decodable, Sendable {
            let originalCents: Int
            let outstandingCents: Int
        }
        package let reference: String?
        package let items: [Debt]
        package let totals: Totals
        /// "Contact schulden", when the OCMW names someone.
        package let contact: Trajectory.Contact?
    }

    /// A request as New Social reports it, or a submission New Social does not list yet (no
    /// kind, no steps; `submissionKind` set).
    package struct HelpRequest: Decodable, Sendable {
        package let dossierNumber: String?
        package let kind: CodeLabel?
        package let submittedDate: String
        package let status: String
        package let decisionDate: String?
        package let steps: [String]?
        package let submissionKind: String?
    }

    package struct Certificate: Decodable, Sendable {
        package let id: String
        package let type: CodeLabel
        package let status: String
        package let requestedDate: String
        package let issuedDate: String?
        package let download: String?
    }

    package let complete: Bool
    package let ocmws: [OCMW]
}
