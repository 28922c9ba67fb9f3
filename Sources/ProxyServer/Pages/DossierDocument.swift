/// The `/v1/citizens/{insz}/dossier` answer as the citizen page reads it: a client's view of the
/// public API (docs/api.md), decoded from the JSON, not the proxy's internal model, so the page
/// shows exactly what Mijn Burgerprofiel would get.
struct DossierDocument: Decodable, Sendable {
    struct OCMW: Decodable, Sendable {
        struct Reference: Decodable, Sendable { let id: String; let name: String }
        let complete: Bool
        let ocmw: Reference
        let parts: Parts
    }

    struct Parts: Decodable, Sendable {
        let ocmws: Slot<[Summary]>
        let rights: Slot<Rights>
        let trajectories: Slot<[Trajectory]>
        let payments: Slot<Payments>
        let debts: Slot<Debts>
        let requests: Slot<[HelpRequest]>
        let certificates: Slot<[Certificate]>
    }

    /// One part at one OCMW: `data` when `status` is `ok`, a `reason` otherwise.
    struct Slot<Value: Decodable & Sendable>: Decodable, Sendable {
        let status: String
        let data: Value?
        let reason: String?
    }

    struct Period: Decodable, Sendable { let start: String; let end: String? }
    struct CodeLabel: Decodable, Sendable { let code: String; let label: String }

    struct Summary: Decodable, Sendable { let capacity: String; let since: String; let until: String? }

    struct Rights: Decodable, Sendable {
        struct Right: Decodable, Sendable {
            let code: String
            let label: String
            let period: Period
            let monthlyAmountCents: Int?
            let conditional: Bool
        }
        let granted: [Right]
    }

    struct Trajectory: Decodable, Sendable {
        struct Contact: Decodable, Sendable {
            struct Office: Decodable, Sendable {
                let name: String?
                let streetAndNumber: String
                let postalCode: String
                let municipality: String
            }
            let name: String
            let role: String?
            let phone: String?
            let email: String?
            let office: Office?
        }
        let label: String
        let since: String
        let until: String?
        let contacts: [Contact]
    }

    struct Payments: Decodable, Sendable {
        struct Months: Decodable, Sendable { let from: String; let to: String }
        struct Payment: Decodable, Sendable {
            let label: String
            let amountCents: Int
            let period: Period
            let paymentDate: String?
            let paidTo: String?
            let paidVia: String?
            let status: String
            let rawStatus: String?
        }
        let months: Months
        let paidToYou: [Payment]
        let paidForYou: [Payment]
        let notPaid: [Payment]
        let unknownStatus: [Payment]
    }

    struct Debts: Decodable, Sendable {
        struct Debt: Decodable, Sendable {
            struct Decision: Decodable, Sendable { let date: String; let point: String? }
            let description: String
            let period: Period
            let decision: Decision?
            let originalCents: Int
            let outstandingCents: Int
            let paidOff: Bool
        }
        struct Totals: Decodable, Sendable { let originalCents: Int; let outstandingCents: Int }
        let reference: String?
        let items: [Debt]
        let totals: Totals
    }

    struct HelpRequest: Decodable, Sendable {
        let dossierNumber: String
        let kind: CodeLabel
        let submittedDate: String
        let status: String
        let decisionDate: String?
        let steps: [String]
    }

    struct Certificate: Decodable, Sendable {
        let id: String
        let type: CodeLabel
        let status: String
        let requestedDate: String
        let issuedDate: String?
        let download: String?
    }

    let complete: Bool
    let ocmws: [OCMW]
}
