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

    /// The body of both calls.
    struct RegistrationBody: Decodable {
        let insz: String
        let ocmw: String
        let capacity: String
        let start: String
        let end: String?
    }

    func register(on router: Router<BasicRequestContext>) {
        router.put("/v1/routing/registrations") { request, context in
            let registration = try await parse(request, context)
            try await index.register(registration)
            locator.registrationArrived(insz: registration.insz, tenant: registration.tenant)
            return Response(status: .noContent)
        }
        router.delete("/v1/routing/registrations") { request, context in
            let registration = try await parse(request, context)
            _ = try await index.unregister(insz: registration.insz, tenant: registration.tenant,
                                           capacity: registration.capacity, start: registration.period.start)
            return Response(status: .noContent)
        }
    }

    private func parse(_ request: Request, _ context: BasicRequestContext) async throws -> RoutingRegistration {
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
        try RegistrationPolicy.authorize(caller: nil, toRegisterFor: tenantID)
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
enum RegistrationPolicy {
    /// - Parameter caller: The OCMW the calling backend authenticated as; `nil` while backend
    ///   authentication is not configured, in which case the feed is open (closed networks only).
    /// - Throws: 403 when an authenticated OCMW writes for another one.
    static func authorize(caller: TenantID?, toRegisterFor tenant: TenantID) throws {
        guard let caller else { return }
        guard caller == tenant else {
            throw ProblemDetails(status: .forbidden, type: "registration-for-other-ocmw",
                                 title: "An OCMW may only register its own dossiers",
                                 detail: "authenticated as \(caller), registering for \(tenant)")
        }
    }
}
