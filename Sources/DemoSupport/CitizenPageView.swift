import AdminUI

/// The citizen page's values (demo mode): the `/dossier` answer shaped like the wireframes of
/// Bijlage 4, one section per part and, inside it, one block per OCMW. Every text from a backend
/// is passed to the template as it came; the template escapes it.
package struct CitizenPageView {
    /// How one part stands at one OCMW, in the citizen's words.
    package struct PartState {
        package let available: Bool
        package let unavailable: Bool
        package let notOffered: Bool
        /// The proxy's status (`ok`, `timeout`, …), for the page's data attributes and tests.
        package let status: String
        package let message: String

        package init(status: String, ocmwName: String) {
            self.status = status
            available = status == "ok"
            notOffered = status == "notSupported"
            unavailable = !available && !notOffered
            message =
                switch status {
                case "ok": ""
                case "notSupported": "\(ocmwName) biedt dit onderdeel niet aan."
                default: "Deze gegevens van \(ocmwName) zijn nu niet beschikbaar (\(Self.reason(status))). Probeer het later opnieuw."
                }
        }

        package static func reason(_ status: String) -> String {
            switch status {
            case "timeout": "geen antwoord op tijd"
            case "unavailable": "niet bereikbaar"
            case "circuitOpen": "tijdelijk afgeschakeld na herhaalde fouten"
            case "error": "ongeldig antwoord"
            default: status
            }
        }
    }

    package struct OverviewLine {
        package let text: String
        package let state: PartState
    }

    package let css = PageStyle.css
    package let insz: String
    package let complete: Bool
    package let hasOCMWs: Bool
    package let overview: [OverviewLine]
    package let rights: [RightsBlock]
    package let trajectories: [TrajectoriesBlock]
    package let payments: [PaymentsBlock]
    package let debts: [DebtsBlock]
    package let requests: [RequestsBlock]
    package let yearNavigation: YearNavigation
    package let certificates: [CertificatesBlock]

    /// - Parameters:
    ///   - year: The year of requests shown (`?year=`), or `nil` for all.
    ///   - pageQuery: The page's other query parameters, kept in the year links (`from=…&to=…`).
    package init(insz: String, document: DossierDocument, year: Int? = nil, pageQuery: String = "") {
        self.insz = insz
        yearNavigation = YearNavigation(years: document.years ?? [], selected: year, pageQuery: pageQuery)
        complete = document.complete
        hasOCMWs = !document.ocmws.isEmpty
        overview = document.ocmws.map { entry in
            let place = DutchFormat.municipality(ofOCMW: entry.ocmw.name)
            let state = PartState(status: entry.parts.ocmws.status, ocmwName: entry.ocmw.name)
            let text =
                switch (state.available, entry.parts.ocmws.data?.isEmpty ?? true) {
                case (true, false): "U hebt een begeleiding bij het OCMW van \(place)."
                case (true, true): "U hebt geen lopende begeleiding bij het OCMW van \(place)."
                default: state.message
                }
            return OverviewLine(text: text, state: state)
        }
        rights = document.ocmws.map(RightsBlock.init)
        trajectories = document.ocmws.map(TrajectoriesBlock.init)
        payments = document.ocmws.map(PaymentsBlock.init)
        debts = document.ocmws.map(DebtsBlock.init)
        requests = document.ocmws.map(RequestsBlock.init)
        certificates = document.ocmws.map { CertificatesBlock($0, insz: insz) }
    }
}
