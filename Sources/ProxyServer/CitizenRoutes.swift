import Foundation
import HTTPTypes
import Hummingbird
import OCMWCore
import OCMWDomain

/// The citizen-facing read API under `/v1/citizens/{insz}/…`.
struct CitizenRoutes: Sendable {
    let configuration: ProxyConfiguration
    let registry: TenantRegistryStore
    let dispatcher: CitizenDispatcher

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/citizens/:insz/debts") { request, context in
            try await debts(request, context)
        }
    }

    /// `GET /v1/citizens/{insz}/debts[?includePaid=true]`.
    private func debts(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let insz = try parseINSZ(context)
        let includePaid = try boolParameter("includePaid", in: request) ?? false
        let answer = await dispatcher.fanOut(
            to: registry.snapshot.activeTenants,
            partName: "debts",
            deadline: deadline(),
            requestID: requestID(request),
            path: { NewSocialPaths.debts(insz: insz, dialect: $0.backend.dialect) },
            decode: { tenant, body in
                try NewSocialDecoder.decodeDebts(body, dialect: tenant.backend.dialect, insz: insz)
                    .shownToCitizen(includePaid: includePaid)
            })
        return try Response.json(answer)
    }

    private func parseINSZ(_ context: BasicRequestContext) throws -> INSZ {
        let text = try context.parameters.require("insz")
        do {
            return try INSZ(parsing: text, currentYear: configuration.currentYear())
        } catch {
            throw ProblemDetails.invalidINSZ(error.description)
        }
    }

    private func boolParameter(_ name: String, in request: Request) throws -> Bool? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ProblemDetails.invalidParameter(name, "expected true or false")
        }
    }

    private func deadline() -> ContinuousClock.Instant {
        .now + .milliseconds(configuration.requestDeadlineMs)
    }

    /// The caller's `X-Request-Id` when it sent a sane one, else a fresh UUID.
    private func requestID(_ request: Request) -> String {
        if let given = request.headers[.requestID], (1...128).contains(given.utf8.count),
           given.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return given
        }
        return UUID().uuidString
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: correlates a caller's request with every backend call made for it.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
