import Admission
import AuditTrail
import Delivery
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OCMWCore
import Outbox
import SubmissionIntake

/// `POST /v1/citizens/{insz}/requests` (a request for help, multipart with documents),
/// `POST /v1/citizens/{insz}/certificates` (a certificate request, JSON) and
/// `GET /v1/submissions/{id}`. A submission is answered 202 only once it is committed to the
/// outbox; delivery to the OCMW happens afterwards, exactly once.
struct SubmissionRoutes: Sendable {
    let configuration: ProxyConfiguration
    let registry: TenantRegistryStore
    let outbox: any OutboxStore
    let security: ProxySecurity
    let audit: AuditLog
    let rateLimit: SubmissionRateLimit
    let applications: ApplicationRouting
    let admission: AdmissionGate

    /// The answer to a submission and to a status query.
    struct Answer: Encodable {
        let id: String
        let kind: String
        let ocmw: String
        let status: String
        let dossierNumber: String?
        let reason: String?
        let warnings: [String]
        /// The 202 only: each warning with its code and whether the caller acknowledged it
        /// (`acknowledgedWarnings` of the form); a status query does not repeat it.
        var warningDetails: [WarningDetail]? = nil
    }

    /// A warning as a check before sending gives it, and, in a 202, whether it was acknowledged.
    struct WarningDetail: Encodable {
        let code: String
        let message: String
        /// `nil` in a check before sending: there is nothing to acknowledge yet.
        var acknowledged: Bool? = nil
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.post("/v1/citizens/:insz/requests") { request, context in
            let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
            return try await audit.recordingRefusals(
                action: .submit, caller: context.caller?.clientID, insz: insz, tenants: [], parts: ["requests"],
                requestID: context.requestID
            ) { try await helpRequest(insz, request, context) }
        }
        router.post("/v1/citizens/:insz/certificates") { request, context in
            let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
            return try await audit.recordingRefusals(
                action: .submit, caller: context.caller?.clientID, insz: insz, tenants: [], parts: ["certificates"],
                requestID: context.requestID
            ) { try await certificateRequest(insz, request, context) }
        }
        registerValidation(on: router)
        router.get("/v1/submissions/:id") { _, context in
            // Only the client that submitted it sees it, and a token bound to a citizen only that
            // citizen's; to any other caller it does not exist (404, not 403), so ids reveal
            // nothing about other clients' or citizens' submissions.
            let caller = try context.requireCaller()
            guard let id = UUID(uuidString: try context.parameters.require("id")),
                let status = try await outbox.status(
                    id: id, clientID: caller.clientID, citizenPseudonym: caller.citizenINSZ.map { audit.pseudonym($0).hex })
            else {
                throw ProblemDetails(status: .notFound, type: .unknownSubmission, title: "No such submission")
            }
            return try Response.json(Self.answer(status))
        }
    }

    private func helpRequest(_ insz: INSZ, _ request: Request, _ context: ProxyRequestContext) async throws -> Response {
        let key = try prepare(insz, request, context)
        return try await withReservedUpload(request) {
            let intake = try await readHelpRequest(request, acceptingJSON: false)
            let validated: Validated<ValidatedHelpRequest>
            do {
                validated = try intake.form.validated(tenants: { registry.snapshot.tenant($0) })
            } catch let error as IntakeError {
                throw ProblemDetails(intake: error)
            }
            let envelope = SubmissionEnvelope(validated.value, documents: intake.documents)
            return try await accept(
                .helpRequest, tenant: validated.value.tenant, envelope: envelope,
                warnings: validated.warnings, acknowledged: Set(intake.form.acknowledgedWarnings ?? []),
                insz: insz, key: key, context: context)
        }
    }

    /// Runs `body` with the upload budget holding what the request's body may bring.
    ///
    /// The body is held whole until the outbox has it (or, checked only, until it is judged):
    /// what it may bring (its declared length, else the most a submission may be) is reserved
    /// so that uploads together cannot exhaust memory.
    func withReservedUpload<T>(_ request: Request, _ body: () async throws -> T) async throws -> T {
        let limits = IntakeLimits.default
        let declared = request.headers[.contentLength].flatMap { Int($0) }.map { min(max($0, 0), limits.maxTotalBytes) }
        let reserved = declared ?? limits.maxTotalBytes
        guard admission.reserveUpload(bytes: reserved) else {
            throw ProblemDetails.overloaded(.uploads, retryAfterSeconds: admission.configuration.retryAfterSeconds)
        }
        defer { admission.releaseUpload(bytes: reserved) }
        return try await body()
    }

    /// A request for help's body as received: the form and its documents.
    struct HelpRequestBody {
        let form: HelpRequestForm
        let documents: [SubmissionEnvelope.Document]
    }

    /// Reads a request for help's body — multipart with documents, or, when `acceptingJSON`, a
    /// JSON form alone (`application/json`, at most the multipart's form part) — within the
    /// intake limits and the upload timeout.
    /// - Throws: `ProblemDetails` (400, 408, 413, 415) when it cannot be read; field problems
    ///   are left to the form's validation.
    func readHelpRequest(_ request: Request, acceptingJSON: Bool) async throws -> HelpRequestBody {
        let limits = IntakeLimits.default
        do {
            let isJSON = request.headers[.contentType].map { $0.lowercased().hasPrefix("application/json") } ?? false
            if acceptingJSON, isJSON {
                let json = try await Self.withBodyTimeout(admission.configuration.uploadBodyTimeout) {
                    do {
                        return Array(buffer: try await request.body.collect(upTo: limits.maxFieldBytes))
                    } catch is NIOTooManyBytesError {
                        throw ProblemDetails(
                            status: .contentTooLarge, type: .payloadTooLarge, title: "The submission is too large",
                            detail: "a JSON form is at most \(limits.maxFieldBytes / 1024) KiB")
                    }
                }
                return HelpRequestBody(form: try FormDecoding.decode(HelpRequestForm.self, from: json), documents: [])
            }
            let intake = try await Self.withBodyTimeout(admission.configuration.uploadBodyTimeout) {
                try await MultipartIntake.read(request.body, contentType: request.headers[.contentType], limits: limits)
            }
            return HelpRequestBody(
                form: try FormDecoding.decode(HelpRequestForm.self, from: intake.json), documents: intake.documents)
        } catch let error as IntakeError {
            throw ProblemDetails(intake: error)
        }
    }

    private func certificateRequest(_ insz: INSZ, _ request: Request, _ context: ProxyRequestContext) async throws -> Response {
        let key = try prepare(insz, request, context)
        let validated: Validated<ValidatedCertificateRequest>
        do {
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: 16 * 1024)
            } catch is NIOTooManyBytesError {
                throw ProblemDetails(
                    status: .contentTooLarge, type: .payloadTooLarge,
                    title: "The submission is too large", detail: "a certificate request is at most 16 KiB")
            }
            validated = try FormDecoding.decode(CertificateRequestForm.self, from: Array(buffer: body))
                .validated(tenants: { registry.snapshot.tenant($0) })
        } catch let error as IntakeError {
            throw ProblemDetails(intake: error)
        }
        if let tenant = registry.snapshot.tenant(validated.value.tenant), tenant.backend.dialect == .v1 {
            throw ProblemDetails(
                status: .unprocessableContent, type: .partNotSupported,
                title: "This OCMW does not take certificate requests online")
        }
        return try await accept(
            .certificateRequest, tenant: validated.value.tenant, envelope: SubmissionEnvelope(validated.value),
            warnings: validated.warnings, acknowledged: [], insz: insz, key: key, context: context)
    }

    /// Runs `read`, or gives up with 408 once `timeout` has passed: a stalled upload must not hold
    /// its reserved bytes (and a connection) for as long as the client pleases.
    static func withBodyTimeout<T: Sendable>(
        _ timeout: Duration, _ read: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await read() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw ProblemDetails(
                    status: .requestTimeout, type: .badRequest,
                    title: "The request body did not arrive in time",
                    detail: "the whole body must arrive within \(timeout.components.seconds) s")
            }
            return value
        }
    }

    /// Checks the caller may act for the citizen (bound to the token when it names one) and is
    /// within its rate; returns the idempotency key.
    private func prepare(_ insz: INSZ, _ request: Request, _ context: ProxyRequestContext) throws -> String {
        try context.requireCitizen(insz, verifier: security.verifier, scope: .submit)
        try rateLimit.admit(try context.requireCaller().clientID)
        guard let key = request.headers[.idempotencyKey], (1...200).contains(key.utf8.count),
            key.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw ProblemDetails(
                status: .badRequest, type: .idempotencyKeyRequired,
                title: "An Idempotency-Key header (1-200 printable characters) is required")
        }
        return key
    }

    /// Commits the submission to the outbox, then answers 202 (or the original answer to a repeat).
    private func accept(
        _ kind: SubmissionKind, tenant: TenantID, envelope: SubmissionEnvelope, warnings: [SubmissionWarning],
        acknowledged: Set<String>, insz: INSZ, key: String, context: ProxyRequestContext
    ) async throws -> Response {
        let caller = try context.requireCaller().clientID
        try checkFitsTheOCMW(kind, tenant: tenant, envelope: envelope, insz: insz)
        let result = try await outbox.accept(
            NewSubmission(
                kind: kind, tenant: tenant, clientID: caller, idempotencyKey: key, citizen: insz,
                citizenPseudonym: audit.pseudonym(insz).hex, payload: SubmissionPayload(bytes: try envelope.encoded()),
                warnings: warnings.map(\.message), receivedAt: Date()))
        let status: SubmissionStatus
        switch result {
        case .accepted(let accepted):
            status = accepted
            await applications.submitted(insz: insz, to: tenant, requestID: context.requestID)
        case .existing(let accepted):
            status = accepted
        case .conflict:
            throw ProblemDetails(
                status: .conflict, type: .idempotencyKeyReused,
                title: "This Idempotency-Key was used for a different submission")
        }
        audit.record(
            action: .submit, caller: caller, insz: insz, tenants: [tenant], parts: [kind == .helpRequest ? "requests" : "certificates"],
            outcome: .ok, status: 202, requestID: context.requestID)
        var answer = Self.answer(status)
        answer.warningDetails = warnings.map {
            WarningDetail(code: $0.code, message: $0.message, acknowledged: acknowledged.contains($0.code))
        }
        var response = try Response.json(answer, status: .accepted)
        response.headers[.location] = "/v1/submissions/\(status.id.uuidString.lowercased())"
        return response
    }

    /// Refuses (413) a submission whose New Social form, documents in base64, is larger than an
    /// installation must take: accepted, it could only fail after the citizen was told it is on
    /// its way. Measured on the very bytes the delivery would send.
    func checkFitsTheOCMW(_ kind: SubmissionKind, tenant: TenantID, envelope: SubmissionEnvelope, insz: INSZ) throws {
        guard let dialect = registry.snapshot.tenant(tenant)?.backend.dialect,
            let wire = try SubmissionWire.request(kind: kind, citizen: insz, envelope: envelope, dialect: dialect),
            wire.body.count > SubmissionWire.maxBodyBytes
        else { return }
        let mebibytes = { (bytes: Int) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        throw ProblemDetails(
            status: .contentTooLarge, type: .submissionTooLargeForOCMW,
            title: "The submission is too large for the OCMW",
            detail:
                "sent to the OCMW with its documents in base64 it would take \(mebibytes(wire.body.count)); "
                + "New Social takes at most \(mebibytes(SubmissionWire.maxBodyBytes))")
    }

    /// The kind as the API names it: `helpRequest` or `certificateRequest`.
    static func kindName(_ kind: SubmissionKind) -> String {
        kind == .helpRequest ? "helpRequest" : "certificateRequest"
    }

    static func answer(_ status: SubmissionStatus) -> Answer {
        var dossierNumber: String?
        var reason: String?
        switch status.state {
        // Empty when the key that sealed it has left the key ring: delivered, number not shown.
        case .delivered(let number): dossierNumber = number.isEmpty ? nil : number
        // Only a category of the closed set leaves the proxy, whatever the row holds.
        case .failed(let why): reason = DeliveryFailure(stored: why).rawValue
        case .accepted, .delivering: break
        }
        return Answer(
            id: status.id.uuidString.lowercased(), kind: kindName(status.kind),
            ocmw: status.tenant.rawValue,
            status: status.state.phase.rawValue, dossierNumber: dossierNumber, reason: reason,
            warnings: status.warnings)
    }
}

extension HTTPField.Name {
    /// `Idempotency-Key`: the caller's key that makes a repeated submission return the original.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}

extension ProblemDetails {
    /// The answer for a submission refused at intake: 400 with the fields, 413 or 415.
    init(intake error: IntakeError) {
        switch error.kind {
        case .tooLarge:
            self.init(
                status: .contentTooLarge, type: .payloadTooLarge, title: "The submission is too large",
                detail: error.message)
        case .unsupportedMediaType:
            self.init(
                status: .unsupportedMediaType, type: .unsupportedDocumentType,
                title: "Only PDF, JPEG and PNG documents are accepted", detail: error.message)
        case .malformed:
            self.init(
                status: .badRequest, type: .malformedSubmission, title: "The submission is not well-formed",
                detail: error.message)
        case .invalid:
            self.init(
                status: .badRequest, type: .invalidSubmission, title: "The submission has invalid fields",
                detail: error.problems.map(\.description).joined(separator: "; "))
        }
    }
}
