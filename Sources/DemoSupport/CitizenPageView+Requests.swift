/// The requests and certificates blocks of the citizen page.
extension CitizenPageView {
    /// The wireframe's "< 2022 >" above the requests: the year shown, with links to the year
    /// before and after that have requests (from all years, "<" goes to the latest).
    package struct YearNavigation {
        package let hasYears: Bool
        /// The year shown, or "Alle jaren".
        package let label: String
        package let hasPrevious: Bool
        package let previousYear: String
        package let previousLink: String
        package let hasNext: Bool
        package let nextYear: String
        package let nextLink: String
        /// Whether one year is shown (then a link back to all years).
        package let filtered: Bool
        package let allLink: String

        init(years: [Int], selected: Int?, pageQuery: String) {
            let link = { (year: Int?) in
                "?" + ([pageQuery] + (year.map { ["year=\($0)"] } ?? [])).filter { !$0.isEmpty }.joined(separator: "&")
            }
            let previous = selected.map { year in years.last { $0 < year } } ?? years.last
            let next = selected.flatMap { year in years.first { $0 > year } }
            hasYears = !years.isEmpty
            label = selected.map(String.init) ?? "Alle jaren"
            hasPrevious = previous != nil
            previousYear = previous.map(String.init) ?? ""
            previousLink = link(previous)
            hasNext = next != nil
            nextYear = next.map(String.init) ?? ""
            nextLink = link(next)
            filtered = selected != nil
            allLink = link(nil)
        }
    }

    package struct RequestsBlock {
        package struct Step {
            let label: String
            let progress: String
            let progressText: String
        }
        package struct Request {
            package let dossierNumber: String
            package let kind: String
            package let submitted: String
            package let status: String
            package let decision: String
            package let hasDecision: Bool
            package let steps: [Step]
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let requests: [Request]
        package let isEmpty: Bool

        package init(_ entry: DossierDocument.OCMW) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.requests.status, ocmwName: entry.ocmw.name)
            requests = (entry.parts.requests.data ?? []).map { request in
                let current = request.steps?.firstIndex(of: request.status)
                let steps = (request.steps ?? []).enumerated().map { index, step in
                    let progress = current.map { index < $0 ? "done" : index == $0 ? "current" : "todo" } ?? "todo"
                    let text = ["done": "gedaan", "current": "huidige stap", "todo": "nog niet"][progress] ?? ""
                    return Step(label: Self.stepLabel(step), progress: progress, progressText: text)
                }
                return Request(
                    dossierNumber: request.dossierNumber ?? "nog niet toegekend",
                    kind: request.kind?.label ?? Self.submissionLabel(request.submissionKind),
                    submitted: DutchFormat.day(request.submittedDate), status: Self.stepLabel(request.status),
                    decision: request.decisionDate.map(DutchFormat.day) ?? "",
                    hasDecision: request.decisionDate != nil, steps: steps)
            }
            isEmpty = state.available && requests.isEmpty
        }

        /// What a submission New Social does not list yet is called.
        static func submissionLabel(_ kind: String?) -> String {
            kind == "certificateRequest" ? "van een attest (verzonden)" : "(verzonden)"
        }

        package static func stepLabel(_ step: String) -> String {
            switch step {
            case "failed": "Niet bezorgd"
            case "submitted": "Aanvraag ingediend"
            case "inProgress": "Aanvraag in behandeling"
            case "decided": "Beslissing genomen"
            case "closed": "Afgesloten"
            default: "Onbekende status"
            }
        }
    }

    package struct CertificatesBlock {
        package struct Certificate {
            package let type: String
            package let status: String
            package let requested: String
            package let issued: String
            package let hasIssued: Bool
            package let download: String
            package let hasDownload: Bool
        }
        package let ocmwID: String
        package let ocmwName: String
        package let state: PartState
        package let certificates: [Certificate]
        package let isEmpty: Bool

        package init(_ entry: DossierDocument.OCMW, insz: String) {
            ocmwID = entry.ocmw.id
            ocmwName = entry.ocmw.name
            state = PartState(status: entry.parts.certificates.status, ocmwName: entry.ocmw.name)
            certificates = (entry.parts.certificates.data ?? []).map { certificate in
                // The API's link needs a bearer token; the page links to its own route, which
                // fetches the same document with the demo's token.
                let download = certificate.download.flatMap(DemoPages.pageLink(forAPIPath:))
                return Certificate(
                    type: certificate.type.label,
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
