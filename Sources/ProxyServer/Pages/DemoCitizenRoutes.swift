import AdminUI
import DemoSupport
import Foundation
import Hummingbird
import Mustache
import OCMWCore

/// The demo's citizen page, `GET /demo/citizens/{insz}[?months=N | ?from=yyyy-MM&to=yyyy-MM][&year=yyyy]`,
/// and its certificate downloads. It reads the proxy's own public API over HTTP, as Mijn
/// Burgerprofiel would, and renders the answer in Dutch like the wireframes of Bijlage 4.
struct DemoCitizenRoutes: Sendable {
    let pages: DemoPages
    let client: DemoAPIClient.Transport
    let configuration: ProxyConfiguration
    let templates: MustacheLibrary

    init(pages: DemoPages, client: DemoAPIClient.Transport, configuration: ProxyConfiguration) {
        self.pages = pages
        self.client = client
        self.configuration = configuration
        templates = CitizenPageTemplate.library
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/demo/citizens/:insz") { request, context in
            let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
            var window: [String] = []
            for name in ["months", "from", "to", "year"] {
                // Digits and dashes only: the value goes into a URL; the API checks the rest.
                if let value = request.uri.queryParameters.get(name), !value.isEmpty,
                    value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
                {
                    window.append("\(name)=\(value)")
                }
            }
            let query = ["includePaid=true"] + window
            let answer = try await call(
                "/v1/citizens/\(insz.digits)/dossier?" + query.joined(separator: "&"),
                requestID: context.requestID)
            guard answer.status == 200 else { throw Self.apiProblem(answer) }
            let document = try JSONDecoder().decode(DossierDocument.self, from: Data(answer.body))
            return htmlResponse(
                templates.render(
                    CitizenPageView(
                        insz: insz.digits, document: document,
                        year: request.uri.queryParameters.get("year").flatMap { Int($0) },
                        pageQuery: window.filter { !$0.hasPrefix("year=") }.joined(separator: "&")),
                    withTemplate: CitizenPageTemplate.name) ?? "",
                csp: PageStyle.contentSecurityPolicy())
        }
        router.get("/demo/citizens/:insz/certificates/:ocmw/:id/document") { request, context in
            let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
            let ocmw = try context.parameters.require("ocmw")
            let id = try context.parameters.require("id")
            guard TenantID(ocmw) != nil, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_~%.".contains($0)) }) else {
                throw ProblemDetails(status: .notFound, type: .certificateNotFound, title: "No such certificate")
            }
            let answer = try await call(
                "/v1/citizens/\(insz.digits)/certificates/\(ocmw)/\(id)/document",
                requestID: context.requestID)
            guard answer.status == 200 else { throw Self.apiProblem(answer) }
            return Response(
                status: .ok, headers: [.contentType: "application/pdf"],
                body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    private func call(_ path: String, requestID: String) async throws -> DemoAPIClient.Answer {
        try await DemoAPIClient(client: client, pages: pages, deadlineMs: configuration.requestDeadlineMs + 2_000)
            .get(path, requestID: requestID)
    }

    /// The API's refusal, passed on with its status (a bad INSZ or window is the caller's 4xx).
    private static func apiProblem(_ answer: DemoAPIClient.Answer) -> ProblemDetails {
        let status = HTTPResponse.Status(code: answer.status)
        return ProblemDetails(
            status: status.kind == .clientError ? status : .badGateway, type: .dossierUnavailable,
            title: "The public API did not answer the dossier",
            detail: "status \(answer.status)")
    }
}
