import CurlClient
import Foundation
import OCMWCore
import OCMWDomain

extension TenantCheck {
    /// The "does this OCMW know the citizen?" path with the INSZ replaced, for the report.
    var probePathShown: String {
        switch tenant.backend.dialect {
        case .v1: "/nsapi/v1/dossiers/{insz}"
        case .v2: "/api/v2/citizens/{insz}"
        }
    }

    /// The probe citizen, parsed; it is a constant, so `nil` would be a bug, reported as a failure.
    var probeCitizen: INSZ? {
        try? INSZ(parsing: Self.probeCitizenDigits, currentYear: today.year)
    }

    /// One call of the citizen probe path for the probe citizen; reachable, TLS and dialect all
    /// read its result.
    func probeCall() async -> CallResult {
        guard let probeCitizen else { return .failed(CurlClientError.shutdown) }
        return await call(NewSocialPaths.citizen(insz: probeCitizen, dialect: tenant.backend.dialect))
    }

    private var isHTTPS: Bool { tenant.backend.baseURL.lowercased().hasPrefix("https://") }

    /// curl reports TLS failures as `connectFailed` with an SSL explanation.
    private static func isTLSFailure(_ error: CurlClientError) -> Bool {
        error.kind == .connectFailed && (error.detail.contains("SSL") || error.detail.contains("certificate"))
    }

    // MARK: Reachable

    func reachableCheck(_ probe: CallResult) -> TenantCheckReport.Check {
        let limits = tenant.limits
        switch probe {
        case .answered(let response, let milliseconds):
            return .init(
                name: "reachable", outcome: .passed,
                summary: "HTTP answer (status \(response.status)) in \(Self.shown(milliseconds))")
        case .failed(let error) where Self.isTLSFailure(error):
            return .init(
                name: "reachable", outcome: .passed,
                summary: "connected, but the TLS handshake failed (see tls)")
        case .failed(let error):
            let summary =
                switch error.kind {
                case .connectFailed: "no connection could be made (connect timeout \(limits.connectTimeoutMs) ms)"
                case .timedOut: "no answer within the total timeout (\(limits.totalTimeoutMs) ms)"
                case .connectionLost: "the connection closed without an answer"
                case .responseTooLarge: "the answer exceeded maxResponseBytes (\(limits.maxResponseBytes))"
                default: "the call failed (\(error.kind.rawValue))"
                }
            return .init(
                name: "reachable", outcome: .failed, summary: summary,
                details: [
                    "curl: \(error.detail.isEmpty ? error.kind.rawValue : error.detail)",
                    "is \(tenant.backend.baseURL) right, and does the network let the proxy through?",
                ], reason: TenantCheckReport.backendUnavailable)
        }
    }

    // MARK: TLS

    func tlsCheck(_ probe: CallResult) -> TenantCheckReport.Check {
        guard isHTTPS else {
            return .init(
                name: "tls", outcome: .skipped,
                summary: "not TLS (plain http: only acceptable on a private network)")
        }
        switch probe {
        case .answered:
            return .init(name: "tls", outcome: .passed, summary: "certificate verified (host name and chain)")
        case .failed(let error) where Self.isTLSFailure(error):
            return .init(
                name: "tls", outcome: .failed, summary: "the TLS handshake or certificate check failed",
                details: [
                    "curl: \(error.detail)",
                    "the certificate must chain to a CA the proxy host trusts and name the base URL's host",
                ])
        case .failed:
            return .init(name: "tls", outcome: .skipped, summary: "not checked: no connection")
        }
    }

    // MARK: Dialect

    /// The probe citizen is unknown everywhere, so the contract's answer is 404 with
    /// `{"error": "unknown citizen"}`; a 200 that the dialect's normaliser accepts is fine too.
    func dialectCheck(_ probe: CallResult) -> TenantCheckReport.Check {
        let name = "dialect"
        let dialect = tenant.backend.dialect.rawValue
        let shown = "GET \(probePathShown) for a citizen no OCMW knows"
        guard case .answered(let response, _) = probe else {
            return .init(name: name, outcome: .skipped, summary: "not checked: no answer")
        }
        let hint = "check the base URL's path prefix and that the installation speaks \(dialect)"
        switch response.status {
        case 404:
            if Self.isUnknownCitizenBody(response.body) {
                return .init(
                    name: name, outcome: .passed, summary: "\(dialect) answers: 404 unknown citizen (JSON)",
                    details: [shown])
            }
            let what =
                Self.isJSON(response.body)
                ? "404 with JSON that is not the contract's {\"error\": \"unknown citizen\"}"
                : "404 with a body that is not JSON (content type \(response.header("content-type") ?? "none"))"
            return .init(name: name, outcome: .failed, summary: what, details: [shown, hint])
        case 200:
            guard let probeCitizen else { return .init(name: name, outcome: .failed, summary: "no probe citizen") }
            do {
                let dossiers = try NewSocialDecoder.decodeDossiers(
                    response.body, dialect: tenant.backend.dialect,
                    insz: probeCitizen)
                return .init(
                    name: name, outcome: .passed,
                    summary: "\(dialect) answers: 200 with \(dossiers.count) dossier(s), parsed",
                    details: [shown])
            } catch {
                return .init(
                    name: name, outcome: .failed, summary: "200, but not a \(dialect) answer: \(error.reason)",
                    details: [shown, error.description, hint], reason: error.reason, field: error.field)
            }
        case 401, 403:
            return .init(
                name: name, outcome: .failed,
                summary: "status \(response.status): the backend refused the proxy's credentials",
                details: [shown, "see the credentials line; ask the OCMW which key or client it registered for the proxy"])
        case 500...599:
            return .init(
                name: name, outcome: .failed,
                summary: "status \(response.status): the installation cannot answer now", details: [shown],
                reason: TenantCheckReport.backendUnavailable)
        default:
            return .init(
                name: name, outcome: .failed,
                summary: "status \(response.status), expected 404 unknown citizen or 200",
                details: [shown, hint])
        }
    }

    static func isJSON(_ body: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) != nil
    }

    /// `{"error": "unknown citizen"}`, other fields allowed.
    static func isUnknownCitizenBody(_ body: [UInt8]) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return false }
        return object["error"] as? String == "unknown citizen"
    }
}
