import OCMWCore
import OCMWDomain

extension TenantCheck {
    /// The payments window: the three whole months before the current one.
    var paymentMonths: MonthRange {
        let current = CalendarMonth(containing: today)
        let last = current.adding(months: -1) ?? current
        return MonthRange(from: last.adding(months: -2) ?? last, to: last) ?? MonthRange(month: last)
    }

    /// One line per `DossierPart` for the test citizen, or one skipped line without one.
    func partChecks() async -> [TenantCheckReport.Check] {
        guard let testCitizen else {
            return [
                .init(
                    name: "parts", outcome: .skipped,
                    summary: "parts not checked (give --insz with a test citizen of this OCMW)")
            ]
        }
        var checks: [TenantCheckReport.Check] = []
        for part in DossierPart.allCases {
            checks.append(await partCheck(part, citizen: testCitizen))
        }
        return checks
    }

    /// Fetches one part for the test citizen and runs the dialect's normaliser on it.
    func partCheck(_ part: DossierPart, citizen: INSZ) async -> TenantCheckReport.Check {
        let name = "part.\(part.jsonName)"
        let dialect = tenant.backend.dialect
        guard let path = NewSocialPaths.path(for: part, insz: citizen, dialect: dialect, months: paymentMonths) else {
            return .init(name: name, outcome: .skipped, summary: "notSupported: dialect \(dialect.rawValue) does not offer it")
        }
        switch await call(path) {
        case .failed(let error):
            return .init(
                name: name, outcome: .failed, summary: "call failed: \(error.kind.rawValue)",
                details: error.detail.isEmpty ? [] : ["curl: \(error.detail)"])
        case .answered(let response, let milliseconds):
            switch response.status {
            case 200:
                do {
                    let (count, noun) = try Self.normalise(part, body: response.body, dialect: dialect, insz: citizen)
                    let window = part == .payments ? " (\(paymentMonths.from) … \(paymentMonths.to))" : ""
                    return .init(
                        name: name, outcome: .passed, summary: "\(count) \(noun)\(window), \(Self.shown(milliseconds))",
                        records: count)
                } catch {
                    let at = error.field.map { " at \($0)" } ?? ""
                    return .init(
                        name: name, outcome: .failed, summary: "rejected: \(error.reason)\(at)",
                        details: [error.description], reason: error.reason, field: error.field)
                }
            case 404:
                return .init(
                    name: name, outcome: .failed, summary: "404: the OCMW does not know the test citizen",
                    details: ["give --insz a test citizen with a dossier at this OCMW"])
            case 501:
                return .init(name: name, outcome: .skipped, summary: "notSupported: the installation answers 501")
            default:
                return .init(name: name, outcome: .failed, summary: "status \(response.status), expected 200")
            }
        }
    }

    /// Runs the part's normaliser.
    /// - Returns: how many records it produced, and what they are called.
    static func normalise(
        _ part: DossierPart, body: [UInt8], dialect: Dialect,
        insz: INSZ
    ) throws(NormalisationError) -> (Int, String) {
        switch part {
        case .ocmws: (try NewSocialDecoder.decodeDossiers(body, dialect: dialect, insz: insz).count, "dossier(s)")
        case .rights: (try NewSocialDecoder.decodeRights(body, dialect: dialect, insz: insz).count, "decision(s)")
        case .trajectories:
            (try NewSocialDecoder.decodeTrajectories(body, dialect: dialect, insz: insz).count, "trajectory(ies)")
        case .payments: (try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: insz).count, "payment(s)")
        case .debts: (try NewSocialDecoder.decodeDebts(body, dialect: dialect, insz: insz).items.count, "debt(s)")
        case .requests: (try NewSocialDecoder.decodeRequests(body, dialect: dialect, insz: insz).count, "request(s)")
        case .certificates:
            (try NewSocialDecoder.decodeCertificates(body, dialect: dialect, insz: insz).count, "certificate(s)")
        }
    }
}
