import AuditTrail
import Delivery
import Foundation
import Hummingbird
import Outbox

/// `GET /v1/submission-events?after=CURSOR&limit=N`: the follow-up feed of the caller's
/// submissions, oldest first, resumable after the last cursor seen, so a notification service
/// follows every submission without polling each one.
struct SubmissionEventRoutes: Sendable {
    let outbox: any OutboxStore
    let audit: AuditLog

    static let defaultLimit = 100
    static let maxLimit = 1_000

    /// One event as the feed answers it.
    struct Event: Encodable {
        let cursor: String
        let submissionId: String
        let kind: String
        let ocmw: String
        let type: String
        let at: String
        let dossierNumber: String?
        let reason: String?
        let requestKind: String?
        let status: String?
    }

    /// The events, and the cursor to ask after next (the given one when there were none).
    struct Answer: Encodable {
        let events: [Event]
        let next: String
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/v1/submission-events") { request, context in
            // Only the caller's client's submissions, and a token bound to a citizen only that
            // citizen's, as for `GET /v1/submissions/{id}`.
            let caller = try context.requireCaller()
            let query = request.uri.queryParameters
            let after = try query.get("after").map(Self.sequence(of:)) ?? 0
            let limit = try Self.limit(query.get("limit"))
            let events = try await outbox.events(
                after: after, clientID: caller.clientID, citizenPseudonym: caller.citizenINSZ.map { audit.pseudonym($0).hex },
                limit: limit)
            let answer = Answer(
                events: events.map(Self.event), next: Self.cursor(events.last?.sequence ?? after))
            return try Response.json(answer)
        }
    }

    private static func event(_ event: SubmissionEvent) -> Event {
        Event(
            cursor: cursor(event.sequence), submissionId: event.submissionID.uuidString.lowercased(),
            kind: SubmissionRoutes.kindName(event.kind), ocmw: event.tenant.rawValue, type: event.type.rawValue,
            at: RequestsFollowUp.timestamp(event.at),
            // Empty when the key that sealed it has left the key ring: delivered, number not shown.
            dossierNumber: event.dossierNumber.flatMap { $0.isEmpty ? nil : $0 },
            // Only a category of the closed set leaves the proxy, whatever the row holds.
            reason: event.reason.map { DeliveryFailure(stored: $0).rawValue }, requestKind: event.requestKind, status: event.status)
    }

    /// The cursor of a sequence number: opaque to callers (`e` and the number in base 36), so
    /// they keep it as it is instead of counting on it.
    static func cursor(_ sequence: Int64) -> String { "e" + String(sequence, radix: 36) }

    static func sequence(of cursor: String) throws -> Int64 {
        guard cursor.first == "e", cursor.count <= 14, let sequence = Int64(cursor.dropFirst(), radix: 36), sequence >= 0,
            Self.cursor(sequence) == cursor
        else {
            throw ProblemDetails.invalidParameter("after", "expected a cursor of this feed (an event's cursor or next)")
        }
        return sequence
    }

    static func limit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maxLimit).contains(limit) else {
            throw ProblemDetails.invalidParameter("limit", "expected a whole number from 1 to \(maxLimit)")
        }
        return limit
    }
}
