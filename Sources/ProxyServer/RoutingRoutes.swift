import CallerAuth
import CitizenDispatch
import Foundation
import Hummingbird
import OCMWCore

/// The routing feed: New Social installations register and unregister that a citizen has a
/// dossier with them (`PUT` / `DELETE /v1/routing/registrations`). Both are idempotent.
struct RoutingRoutes: Sendable {
    let configuration: ProxyConfiguration
    let registry: TenantRegistryStore
    let index: any RoutingIndexStore
    let locator: CitizenLocator
    let audit: AuditLog

    /// The body of both calls.
    struct RegistrationBody: Decodable {
        let insz: String
        let ocmw: String
        let capacity: String
        let start: String
        let end: String?
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.put("/v1/routing/registrations") { request, context in
            let registration = try await parse(request, context)
            try await index.register(registration)
            locator.registrationArrived(insz: registration.insz, tenant: registration.tenant)
            audited(registration, context, request)
            return Response(status: .noContent)
        }
        router.delete("/v1/routing/registrations") { request, context in
            let registration = try await parse(request, context)
            _ = try await index.unregister(
                insz: registration.insz, tenant: registration.tenant,
                capacity: registration.capacity, start: registration.period.start)
            audited(registration, context, request)
            return Response(status: .noContent)
        }
    }

    private func audited(_ registration: RoutingRegistration, _ context: ProxyRequestContext, _ request: Request) {
        audit.record(
            action: .registration, caller: context.caller?.clientID, insz: registration.insz,
            tenants: [registration.tenant], parts: [], outcome: .ok, status: 204,
            requestID: context.requestID)
    }

    private func parse(_ request: Request, _ context: ProxyRequestContext) async throws -> RoutingRegistration {
        let body: RegistrationBody
        do {
            let buffer = try await request.body.collect(upTo: 16 * 1024)
            body = try JSONDecoder().decode(RegistrationBody.self, from: Data(buffer: buffer))
        } catch {
            throw ProblemDetails.invalidBody("expected {\"insz\", \"ocmw\", \"capacity\", \"start\", \"end\"?} as JSON")
        }
        let insz = try configuration.parseINSZ(body.insz)
        guard let tenantID = TenantID(body.ocmw), registry.snapshot.tenant(tenantID) != nil else {
            throw ProblemDetails.unknownOCMW(body.ocmw)
        }
        try RegistrationPolicy.authorize(
            caller: context.caller.flatMap(RegistrationPolicy.tenant(of:)),
            toRegisterFor: tenantID)
        guard let start = DayDate(iso8601: body.start) else {
            throw ProblemDetails.invalidBody("start: expected a date yyyy-MM-dd")
        }
        var end: DayDate?
        if let text = body.end {
            guard let parsed = DayDate(iso8601: text) else { throw ProblemDetails.invalidBody("end: expected a date yyyy-MM-dd") }
            end = parsed
        }
        do {
            return try RoutingRegistration(insz: insz, tenant: tenantID, capacity: body.capacity, start: start, end: end)
        } catch {
            throw ProblemDetails.invalidBody(error.description)
        }
    }
}

/// Who may write which registrations: an OCMW only for itself.
///
/// A New Social installation authenticates with a bearer JWT carrying the `ocmw.routing.write`
/// scope and the client id `newsocial:<tenant id>` (e.g. `newsocial:gent`): that names the one
/// OCMW it may register for.
enum RegistrationPolicy {
    static let clientIDPrefix = "newsocial:"

    /// The OCMW a verified caller speaks for, if its client id names one.
    static func tenant(of caller: VerifiedCaller) -> TenantID? {
        guard caller.clientID.hasPrefix(clientIDPrefix) else { return nil }
        return TenantID(String(caller.clientID.dropFirst(clientIDPrefix.count)))
    }

    /// - Parameter caller: The OCMW the caller authenticated as (nil: the token names none).
    /// - Throws: 403 unless the caller is the OCMW it registers for.
    static func authorize(caller: TenantID?, toRegisterFor tenant: TenantID) throws {
        guard let caller else {
            throw ProblemDetails(
                status: .forbidden, type: .registrationForOtherOCMW,
                title: "Only an OCMW's own New Social may register its dossiers",
                detail: "the token's client id names no OCMW (expected newsocial:<ocmw id>)")
        }
        guard caller == tenant else {
            throw ProblemDetails(
                status: .forbidden, type: .registrationForOtherOCMW,
                title: "An OCMW may only register its own dossiers",
                detail: "authenticated as \(caller), registering for \(tenant)")
        }
    }
}
