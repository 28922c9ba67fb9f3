import AuditTrail
import Delivery
import Hummingbird
import OCMWCore
import SubmissionIntake

/// `POST /v1/citizens/{insz}/requests/validation`: the checks of a request for help, before
/// sending, without storing or sending anything.
extension SubmissionRoutes {
    /// The answer: the form's field problems and its warnings.
    struct ValidationAnswer: Encodable {
        let valid: Bool
        let problems: [Problem]
        let warnings: [WarningDetail]

        struct Problem: Encodable {
            let field: String
            let message: String
        }
    }

    func registerValidation(on router: some RouterMethods<ProxyRequestContext>) {
        router.post("/v1/citizens/:insz/requests/validation") { request, context in
            let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
            return try await audit.recordingRefusals(
                action: .validate, caller: context.caller?.clientID, insz: insz, tenants: [], parts: ["requests"],
                requestID: context.requestID
            ) { try await validation(insz, request, context) }
        }
    }

    /// The same body, limits and scope as a submission (no `Idempotency-Key`: nothing is stored,
    /// and not counted against the submission rate); field problems are a 200 with
    /// `valid: false`, a body that cannot be read is the submission's 4xx.
    private func validation(_ insz: INSZ, _ request: Request, _ context: ProxyRequestContext) async throws -> Response {
        try context.requireCitizen(insz, verifier: security.verifier, scope: .submit)
        let answer: (ValidationAnswer, TenantID?) = try await withReservedUpload(request) {
            let intake = try await readHelpRequest(request, acceptingJSON: true)
            let validated: Validated<ValidatedHelpRequest>
            do {
                validated = try intake.form.validated(tenants: { registry.snapshot.tenant($0) })
            } catch let error as IntakeError {
                let problems = error.problems.map { ValidationAnswer.Problem(field: $0.field, message: $0.message) }
                return (ValidationAnswer(valid: false, problems: problems, warnings: Self.details(error.warnings)), TenantID?.none)
            }
            let envelope = SubmissionEnvelope(validated.value, documents: intake.documents)
            try checkFitsTheOCMW(.helpRequest, tenant: validated.value.tenant, envelope: envelope, insz: insz)
            let answer = ValidationAnswer(valid: true, problems: [], warnings: Self.details(validated.warnings))
            return (answer, validated.value.tenant)
        }
        audit.record(
            action: .validate, caller: context.caller?.clientID, insz: insz, tenants: answer.1.map { [$0] } ?? [],
            parts: ["requests"], outcome: answer.0.valid ? .ok : .invalid, status: 200, requestID: context.requestID)
        return try Response.json(answer.0)
    }

    private static func details(_ warnings: [SubmissionWarning]) -> [WarningDetail] {
        warnings.map { WarningDetail(code: $0.code, message: $0.message) }
    }
}
