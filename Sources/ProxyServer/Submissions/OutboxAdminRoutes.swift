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
        let submissions: [Entry]
    }

    /// One submission as operators see it: what the caller sees, and its delivery history.
    struct Entry: Encodable {
        let id: String
        let kind: String
        let ocmw: String
        /// `accepted`, `delivering`, `delivered` or `failed`.
        let state: String
        let dossierNumber: String?
        /// Why it failed, when it did.
        let reason: String?
        /// Delivery attempts started so far.
        let attempts: Int
        /// The last transient delivery error.
        let lastError: String?
        /// When it is due for its next attempt (meaningful while pending).
        let nextAttemptAt: String
        let createdAt: String
        let updatedAt: String
        let warnings: [String]

        init(_ status: SubmissionStatus) {
            let answer = SubmissionRoutes.answer(status)
            id = answer.id
            kind = answer.kind
            ocmw = answer.ocmw
            state = answer.status
            dossierNumber = answer.dossierNumber
            reason = answer.reason
            attempts = status.attempts
            lastError = status.lastError
            nextAttemptAt = Self.text(status.nextAttemptAt)
            createdAt = Self.text(status.createdAt)
            updatedAt = Self.text(status.updatedAt)
            warnings = answer.warnings
        }

        private static func text(_ date: Date) -> String {
            date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
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
                submissions: listed.map(Entry.init))
            return try Response.json(view)
        }
        router.post("/admin/outbox/:id/retry") { _, context in
            guard let id = UUID(uuidString: try context.parameters.require("id")) else {
                throw ProblemDetails(status: .notFound, type: .unknownSubmission, title: "No such submission")
            }
            do {
                return try Response.json(Entry(try await outbox.retryFailed(id: id, now: Date())))
            } catch let error as OutboxStoreError {
                throw ProblemDetails(
                    status: error.kind == .notFound ? .notFound : .conflict, type: .retryRefused,
                    title: "The submission cannot be retried", detail: error.explanation)
            }
        }
    }
}
