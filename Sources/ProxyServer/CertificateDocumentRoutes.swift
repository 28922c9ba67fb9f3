import Foundation
import Hummingbird
import OCMWCore
import OCMWDomain
import AuditTrail

/// `GET /v1/citizens/{insz}/certificates/{ocmw}/{id}/document`: an available certificate's PDF,
/// fetched from the OCMW's New Social (the link in the certificates part points here).
struct CertificateDocumentRoutes: Sendable {
    let configuration: ProxyConfiguration
    let registry: TenantRegistryStore
    let gateway: BackendGateway
    let security: ProxySecurity
    let audit: AuditLog

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/v1/citizens/:insz/certificates/:ocmw/:id/document") { request, context in
            try await document(request, context)
        }
    }

    /// Problem types are kebab-case like every other: `backend-timeout`, `backend-circuit-open`.
    private static func problemType(_ status: PartStatus) -> String {
        switch status {
        case .circuitOpen: "backend-circuit-open"
        case .notSupported: "part-not-supported"
        case .ok, .timeout, .unavailable, .error: "backend-\(status.rawValue)"
        }
    }

    private func document(_ request: Request, _ context: ProxyRequestContext) async throws -> Response {
        let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
        try context.requireCitizen(insz, verifier: security.verifier, scope: .read)
        let requestID = context.requestID
        let ocmw = try context.parameters.require("ocmw")
        guard let id = TenantID(ocmw), let tenant = registry.snapshot.tenant(id), tenant.receivesTraffic else {
            throw ProblemDetails.unknownOCMW(ocmw)
        }
        // Path parameters arrive still percent-encoded; the id is encoded again for the backend.
        let rawID = try context.parameters.require("id")
        let certificateID = rawID.removingPercentEncoding ?? rawID
        guard let path = NewSocialPaths.certificateDocument(insz: insz, id: certificateID, dialect: tenant.backend.dialect) else {
            throw ProblemDetails(status: .notFound, type: "part-not-supported",
                                 title: "This OCMW does not offer certificates online")
        }
        let deadline = ContinuousClock.now + .milliseconds(configuration.requestDeadlineMs)
        let outcome = await gateway.fetch(tenant, part: "certificateDocument", path: path, deadline: deadline, requestID: requestID) {
            try NewSocialDecoder.decodeCertificateDocument($0, dialect: tenant.backend.dialect)
        }
        audit.record(action: .download, caller: context.caller?.clientID, insz: insz, tenants: [tenant.id],
                     parts: ["certificates"], outcome: outcome.auditOutcome, status: outcome.isOK ? 200 : 404,
                     requestID: requestID)
        switch outcome {
        case .ok(let pdf):
            return Response(status: .ok, headers: [.contentType: "application/pdf"],
                            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        case .noDossier:
            throw ProblemDetails(status: .notFound, type: "certificate-not-found",
                                 title: "No such certificate, or it is not available yet")
        case .failed(.notSupported, _):
            throw ProblemDetails(status: .notFound, type: "part-not-supported",
                                 title: "This OCMW does not offer certificates online")
        case .failed(let status, let reason):
            throw ProblemDetails(status: status == .timeout ? .gatewayTimeout : .badGateway, type: Self.problemType(status),
                                 title: "The OCMW could not deliver the certificate", detail: reason)
        }
    }
}

extension PartOutcome {
    var isOK: Bool { if case .ok = self { true } else { false } }

    /// The audit trail's word for this outcome.
    var auditOutcome: AuditOutcome {
        switch self {
        case .ok: .ok
        case .noDossier: .invalid
        case .failed: .error
        }
    }
}
