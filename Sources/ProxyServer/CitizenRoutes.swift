import Admission
import AuditTrail
import CitizenDispatch
import Foundation
import HTTPTypes
import Hummingbird
import OCMWCore
import OCMWDomain
import Outbox

/// The citizen-facing read API: `/v1/citizens/{insz}/dossier` and one route per part.
struct CitizenRoutes: Sendable {
    let configuration: ProxyConfiguration
    let registry: TenantRegistryStore
    let locator: CitizenLocator
    let dispatcher: CitizenDispatcher
    let security: ProxySecurity
    let audit: AuditLog
    let admission: AdmissionGate
    /// The citizen's own submissions, for their `requests`.
    let outbox: any OutboxStore

    /// The most submissions of one citizen a read shows from the outbox.
    static let submissionsShown = 200

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/v1/citizens/:insz/dossier") { request, context in
            try await read(DossierPart.allCases, request, context) { parts, tenants, results, location, years in
                var answer = AnswerAssembly.dossierAnswer(parts, tenants: tenants, results: results, location: location)
                answer.years = years
                return Response.answer(answer)
            }
        }
        for part in DossierPart.allCases {
            router.get("/v1/citizens/:insz/\(part.jsonName)") { request, context in
                try await read([part], request, context) { _, tenants, results, location, years in
                    var answer = AnswerAssembly.partAnswer(part, tenants: tenants, results: results, location: location)
                    answer.years = years
                    return Response.answer(answer)
                }
            }
        }
    }

    /// Parses the request once at the edge, takes one registry snapshot, locates the citizen's
    /// OCMWs and fans the parts out to them.
    private func read(
        _ parts: [DossierPart], _ request: Request, _ context: ProxyRequestContext,
        answer: ([DossierPart], [Tenant], [CitizenDispatcher.PartResult], CitizenLocator.Location, [Int]?) throws -> Response
    ) async throws -> Response {
        let today = configuration.today()
        let insz = try configuration.parseINSZ(try context.parameters.require("insz"))
        let requestID = context.requestID
        let partNames = parts.map(\.jsonName)
        do {
            try context.requireCitizen(insz, verifier: security.verifier, scope: .read)
        } catch let problem as ProblemDetails {
            audit.record(
                action: .read, caller: context.caller?.clientID, insz: insz, tenants: [], parts: partNames,
                outcome: .denied, status: Int(problem.status.code), requestID: requestID)
            throw problem
        }
        let options = try ReadOptions.parse(request.uri.queryParameters, today: today)
        let year = try ReadOptions.year(request.uri.queryParameters)
        // The deadline counts from arrival: time spent at the door or waiting for a thread is the
        // caller's time too. A request that can no longer finish in time is not started.
        let deadline = context.arrival + .milliseconds(configuration.requestDeadlineMs)
        guard ContinuousClock.now.duration(to: deadline) >= admission.configuration.minimumTimeLeft else {
            admission.shedAfterAdmission(.deadline, keys: [])
            throw ProblemDetails.overloaded(.deadline, retryAfterSeconds: admission.configuration.retryAfterSeconds)
        }
        let snapshot = registry.snapshot
        let client = context.caller?.clientID ?? "anonymous"
        let admission = self.admission
        let discoveryBudget: @Sendable () -> (@Sendable () -> Void)? = {
            guard admission.takeDiscovery(client: client) else { return nil }
            return { admission.giveBackDiscovery(client: client) }
        }
        let location = await locator.locate(
            insz, in: snapshot, deadline: deadline, requestID: requestID, discoveryBudget: discoveryBudget)
        if location.discoveryRefused {
            throw ProblemDetails.overloaded(.discovery, retryAfterSeconds: admission.configuration.retryAfterSeconds)
        }
        var results = await dispatcher.fetch(
            parts, from: location.tenants, insz: insz, options: options,
            deadline: deadline, requestID: requestID)
        var years: [Int]?
        if parts.contains(.requests) || parts.contains(.certificates) {
            let followUp = RequestsFollowUp(submissions: await ownSubmissions(insz, context))
            results = followUp.applyToCertificates(to: results, tenants: location.tenants)
            if parts.contains(.requests) {
                let statuses: [UUID: [String: String]]
                (results, years, statuses) = followUp.apply(to: results, tenants: location.tenants, year: year)
                await recordNewSocialStatuses(statuses, context)
            }
        }
        let complete =
            location.unreachable.isEmpty
            && results.allSatisfy {
                if case .failed(let status, _) = $0.outcome { status.keepsAnswerComplete } else { true }
            }
        audit.record(
            action: .read, caller: context.caller?.clientID, insz: insz,
            tenants: location.tenants.map(\.id) + location.unreachable.map(\.tenant.id), parts: partNames,
            outcome: complete ? .ok : .partial, status: 200, requestID: requestID)
        context.logger.info(
            "citizen read",
            metadata: [
                "citizen": "\(audit.pseudonym(insz))", "parts": "\(partNames.count)",
                "ocmws": "\(location.tenants.count)", "complete": "\(complete)",
            ])
        return try answer(parts, location.tenants, results, location, years)
    }

    /// Feeds the follow-up events with what New Social now says of the citizen's submissions
    /// (an event only where a status changed); an outbox that cannot be written is logged, the
    /// next read sees the change again.
    private func recordNewSocialStatuses(_ statuses: [UUID: [String: String]], _ context: ProxyRequestContext) async {
        for (id, seen) in statuses {
            do {
                try await outbox.recordNewSocialStatuses(id: id, statuses: seen, now: Date())
            } catch {
                context.logger.warning("New Social's statuses of a submission could not be recorded", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The citizen's submissions; none when the outbox cannot be read (logged): New Social's
    /// requests are still worth answering, and the answer is what New Social says.
    private func ownSubmissions(_ insz: INSZ, _ context: ProxyRequestContext) async -> [SubmissionStatus] {
        do {
            return try await outbox.submissions(citizenPseudonym: audit.pseudonym(insz).hex, limit: Self.submissionsShown)
        } catch {
            context.logger.warning("the outbox could not be read for the citizen's submissions", metadata: ["error": "\(error)"])
            return []
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: correlates a caller's request with every backend call made for it.
    static let requestID = HTTPField.Name("X-Request-Id")!
}

/// The id that correlates a request with its backend calls and log lines.
enum RequestID {
    /// The caller's `X-Request-Id` when it is a sane token (printable ASCII, at most 128 bytes)
    /// that holds no national number, else a fresh UUID. The id goes into log lines and the
    /// audit trail, which never hold a national number: one in a caller's id (`rid-90031204551`)
    /// would put it there.
    static func of(_ request: Request) -> String {
        if let given = request.headers[.requestID], (1...128).contains(given.utf8.count),
            given.utf8.allSatisfy({ (0x21...0x7E).contains($0) }), !INSZ.isContained(in: given)
        {
            return given
        }
        return UUID.random().uuidString
    }
}
