import OCMWCore
import OCMWDomain

/// One line of a citizen's requests: as New Social reports it, or — while New Social does not
/// have it (yet) — as the proxy's outbox knows it.
package enum RequestEntry: Encodable, Sendable {
    /// New Social's request, with the `submissionId` of the submission that made it when the
    /// proxy still knows that submission.
    case reported(HelpRequest, submissionID: String?)
    /// A submission New Social does not list (yet): on its way, or failed.
    case submitted(SubmittedRequest)

    /// The year the request was submitted in, for `?year=` and `years`.
    package var year: Int {
        switch self {
        case .reported(let request, _): request.submittedDate.year
        case .submitted(let submitted): submitted.submittedDate.year
        }
    }

    private enum CodingKeys: String, CodingKey { case submissionId }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .reported(let request, let submissionID):
            try request.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(submissionID, forKey: .submissionId)
        case .submitted(let submitted):
            try submitted.encode(to: encoder)
        }
    }
}

/// A submission of the citizen as the outbox knows it, before (or instead of) New Social's own
/// record of it: no category and no steps, those are New Social's.
package struct SubmittedRequest: Encodable, Sendable, Hashable {
    /// Where it stands here: on its way to New Social, or given up.
    package enum Status: String, Encodable, Sendable {
        /// Accepted and on its way (or delivered, and New Social does not list it yet).
        case submitted
        /// Delivery failed for good (`reason` says why); an operator may still send it again.
        case failed
    }

    /// The `id` of the 202 answer.
    package let submissionId: String
    /// `helpRequest` or `certificateRequest`, as the 202 answer says.
    package let submissionKind: String
    package let status: Status
    /// When the proxy accepted it: ISO 8601 UTC, whole seconds.
    package let submittedAt: String
    /// Its day in Belgium.
    package let submittedDate: CalendarDate
    /// The OCMW's number once delivered.
    package let dossierNumber: String?
    /// Why it failed (a category of `DeliveryFailure`).
    package let reason: String?

    package init(
        submissionId: String, submissionKind: String, status: Status, submittedAt: String, submittedDate: CalendarDate,
        dossierNumber: String?, reason: String?
    ) {
        self.submissionId = submissionId
        self.submissionKind = submissionKind
        self.status = status
        self.submittedAt = submittedAt
        self.submittedDate = submittedDate
        self.dossierNumber = dossierNumber
        self.reason = reason
    }
}
