/// The requests and certificates blocks of the citizen page.
extension CitizenPageView {
    struct RequestsBlock {
        struct Step { let label: String; let progress: String; let progressText: String }
        struct Request {
            let dossierNumber: String
            let kind: String
            let submitted: String
            let status: String
            let decision: String
            let hasDecision: Bool
            let steps: [Step]
        }
        let ocmwID: String
        let ocmwName: String
        let state: PartState
        let requests: [Request]
        let isEmpty: Bool

        init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.requests.status, ocmwName: entry.ocmw.name)
            requests = (entry.parts.requests.data ?? []).map { request in
                let current = request.steps.firstIndex(of: request.status)
                let steps = request.steps.enumerated().map { index, step in
                    let progress = current.map { index < $0 ? "done" : index == $0 ? "current" : "todo" } ?? "todo"
                    let text = ["done": "gedaan", "current": "huidige stap", "todo": "nog niet"][progress] ?? ""
                    return Step(label: Self.stepLabel(step), progress: progress, progressText: text)
                }
                return Request(dossierNumber: request.dossierNumber, kind: request.kind.label,
                               submitted: DutchFormat.day(request.submittedDate), status: Self.stepLabel(request.status),
                               decision: request.decisionDate.map(DutchFormat.day) ?? "",
                               hasDecision: request.decisionDate != nil, steps: steps)
            }
            isEmpty = state.available && requests.isEmpty
        }

        static func stepLabel(_ step: String) -> String {
            switch step {
            case "submitted": "Aanvraag ingediend"
            case "inProgress": "Aanvraag in behandeling"
            case "decided": "Beslissing genomen"
            case "closed": "Afgesloten"
            default: "Onbekende status"
            }
        }
    }

    struct CertificatesBlock {
        struct Certificate {
            let type: String
            let status: String
            let requested: String
            let issued: String
            let hasIssued: Bool
            let download: String
            let hasDownload: Bool
        }
        let ocmwID: String
        let ocmwName: String
        let state: PartState
        let certificates: [Certificate]
        let isEmpty: Bool

        init(_ entry: DossierDocument.OCMW, insz: String) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.certificates.status, ocmwName: entry.ocmw.name)
            certificates = (entry.parts.certificates.data ?? []).map { certificate in
                // The API's link needs a bearer token; the page links to its own route, which
                // fetches the same document with the demo's token.
                let download = certificate.download.flatMap(DemoCitizenRoutes.pageLink(forAPIPath:))
                return Certificate(type: certificate.type.label,
                                   status: ["requested": "aangevraagd", "available": "beschikbaar"][certificate.status]
                                       ?? "onbekend",
                                   requested: DutchFormat.day(certificate.requestedDate),
                                   issued: certificate.issuedDate.map(DutchFormat.day) ?? "",
                                   hasIssued: certificate.issuedDate != nil,
                                   download: download ?? "", hasDownload: download != nil)
            }
            isEmpty = state.available && certificates.isEmpty
        }
    }
}
