import AuditTrail
import BackendAccess
import CurlClient
import Foundation
import HTTPTypes
import Hummingbird
import OCMWCore
import OCMWDomain

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

    /// The largest document relayed (it streams: this bounds time, not memory).
    static let maxDocumentBytes = 256 * 1024 * 1024

    /// A safe download file name for a certificate id.
    static func fileName(_ id: String) -> String {
        let safe = id.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
        return (safe.isEmpty ? "certificate" : String(String.UnicodeScalarView(safe.prefix(64)))) + ".pdf"
    }

    /// The problem of a document the OCMW did not give.
    private static func problemType(_ status: PartStatus) -> ProblemType {
        switch status {
        case .circuitOpen: .backendCircuitOpen
        case .notSupported: .partNotSupported
        case .timeout: .backendTimeout
        case .unavailable: .backendUnavailable
        case .ok, .error: .backendError
        }
    }

    private func document(_ request: Request, _ context: ProxyRequestContext) async throws -> Response {
        let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
        let ocmw = try context.parameters.require("ocmw")
        return try await audit.recordingRefusals(
            action: .download, caller: context.caller?.clientID, insz: insz, tenants: TenantID(ocmw).map { [$0] } ?? [],
            parts: ["certificates"], requestID: context.requestID
        ) { try await document(insz: insz, ocmw: ocmw, context) }
    }

    /// The document once the INSZ is known; refusals are recorded by the caller.
    private func document(insz: INSZ, ocmw: String, _ context: ProxyRequestContext) async throws -> Response {
        try context.requireCitizen(insz, verifier: security.verifier, scope: .read)
        let requestID = context.requestID
        guard let id = TenantID(ocmw), let tenant = registry.snapshot.tenant(id), tenant.receivesTraffic else {
            throw ProblemDetails.unknownOCMW(ocmw)
        }
        // Path parameters arrive still percent-encoded; the id is encoded again for the backend.
        let rawID = try context.parameters.require("id")
        let certificateID = rawID.removingPercentEncoding ?? rawID
        guard NewSocialPaths.isCertificateID(certificateID) else {
            throw ProblemDetails(
                status: .badRequest, type: .invalidCertificateID,
                title: "The certificate id is not one a New Social installation issues",
                detail: "a certificate id is 1 to 64 of A-Z a-z 0-9 . _ -")
        }
        guard let path = NewSocialPaths.certificateDocument(insz: insz, id: certificateID, dialect: tenant.backend.dialect) else {
            throw ProblemDetails(
                status: .notFound, type: .partNotSupported,
                title: "This OCMW does not offer certificates online")
        }
        // From arrival, as for the reads: the wait at the door is the caller's time too.
        let deadline = context.arrival + .milliseconds(configuration.requestDeadlineMs)
        var outcome = await gateway.openStream(
            tenant, path: path, deadline: deadline, requestID: requestID,
            maxBytes: Self.maxDocumentBytes)
        // Look at the first bytes before answering: a body that is not a PDF is refused, not relayed.
        var first: [UInt8] = []
        if case .ok(let stream) = outcome {
            var iterator = stream.body.makeAsyncIterator()
            first = (try? await iterator.next()) ?? []
            if !first.starts(with: Array("%PDF-".utf8)) {
                stream.body.cancel()
                outcome = .failed(.error, reason: "the OCMW's answer is not a PDF")
            }
        }
        switch outcome {
        case .ok(let stream):
            audit.record(
                action: .download, caller: context.caller?.clientID, insz: insz, tenants: [tenant.id],
                parts: ["certificates"], outcome: .ok, status: 200, requestID: requestID)
            var headers: HTTPFields = [
                .contentType: "application/pdf",
                .contentDisposition: "attachment; filename=\"\(Self.fileName(certificateID))\"",
            ]
            if let length = stream.header("content-length"), Int(length) != nil { headers[.contentLength] = length }
            let rest = stream.body
            let head = first
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(bytes: head))
                    // The body's iterators share one stream: this one goes on after the first chunk.
                    for try await chunk in rest {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    try await writer.finish(nil)
                })
        case .noDossier:
            throw ProblemDetails(
                status: .notFound, type: .certificateNotFound,
                title: "No such certificate, or it is not available yet")
        case .failed(.notSupported, _):
            throw ProblemDetails(
                status: .notFound, type: .partNotSupported,
                title: "This OCMW does not offer certificates online")
        case .failed(let status, let reason):
            throw ProblemDetails(
                status: status == .timeout ? .gatewayTimeout : .badGateway, type: Self.problemType(status),
                title: "The OCMW could not deliver the certificate", detail: reason)
        }
    }
}
