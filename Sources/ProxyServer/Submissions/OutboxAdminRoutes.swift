import Foundation
import Hummingbird
import OCMWCore
import Outbox

/// Operators' view of the outbox: `GET /admin/outbox[?state=failed&ocmw=gent&limit=100]` (counts
/// per tenant and state, and the matching submissions without personal data) and
/// `POST /admin/outbox/{id}/retry` (a failed submission back to delivery).
struct OutboxAdminRoutes: Sendable {
    let outbox: any OutboxStore

    struct View: Encodable {
        let counts: [String: [String: Int]]
        let submissions: [SubmissionRoutes.Answer]
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/admin/outbox") { request, _ in
            let query = request.uri.queryParameters
            var state: SubmissionPhase?
            if let text = query.get("state") {
                guard let phase = SubmissionPhase(rawValue: text) else {
                    throw ProblemDetails.invalidParameter("state", "expected accepted, delivering, delivered or failed")
                }
                state = phase
            }
            let tenant = query.get("ocmw").flatMap(TenantID.init)
            let limit = min(max(query.get("limit").flatMap(Int.init) ?? 100, 1), 1_000)
            let counts = try await outbox.counts()
            let listed = try await outbox.list(state: state, tenant: tenant, limit: limit)
            let view = View(
                counts: Dictionary(
                    uniqueKeysWithValues: counts.map { tenant, phases in
                        (tenant.rawValue, Dictionary(uniqueKeysWithValues: phases.map { ($0.key.rawValue, $0.value) }))
                    }),
                submissions: listed.map(SubmissionRoutes.answer))
            return try Response.json(view)
        }
        router.post("/admin/outbox/:id/retry") { _, context in
            guard let id = UUID(uuidString: try context.parameters.require("id")) else {
                throw ProblemDetails(status: .notFound, type: .unknownSubmission, title: "No such submission")
            }
            do {
                return try Response.json(SubmissionRoutes.answer(try await outbox.retryFailed(id: id, now: Date())))
            } catch let error as OutboxStoreError {
                throw ProblemDetails(
                    status: error.kind == .notFound ? .notFound : .conflict, type: .retryRefused,
                    title: "The submission cannot be retried", detail: error.explanation)
            }
        }
    }
}
