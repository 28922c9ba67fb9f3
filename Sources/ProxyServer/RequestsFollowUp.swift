import CitizenDispatch
import Delivery
import Foundation
import OCMWCore
import OCMWDomain
import Outbox

/// Puts the citizen's own submissions into their `requests`: a submission New Social does not
/// list yet is shown from the outbox (`submitted`, or `failed`), and New Social's requests that
/// a submission made carry its `submissionId`, so the portal follows one request from the 202 on.
///
/// A delivered request for help is matched to New Social's requests by the dossier number its
/// delivery was given, among those submitted on or after the day it was accepted (a dossier
/// number numbers the citizen's dossier, so older requests may share it); each request goes to
/// the newest such submission. A delivered certificate request is New Social's certificate from
/// then on (the `certificates` part, whose entry carries the `submissionId`: its id is the
/// number the delivery got), and leaves the requests.
struct RequestsFollowUp {
    /// The citizen's submissions, newest first (`OutboxStore.submissions`).
    let submissions: [SubmissionStatus]

    /// The results with the `requests` of every OCMW the citizen submitted to completed, and
    /// filtered to `year` when one is given.
    /// - Returns: The results; the years that have requests (before the filter), ascending; and
    ///   per submission New Social reports, the statuses of its requests (category code → status).
    func apply(
        to results: [CitizenDispatcher.PartResult], tenants: [Tenant], year: Int?
    ) -> (results: [CitizenDispatcher.PartResult], years: [Int], statuses: [UUID: [String: String]]) {
        let byTenant = Dictionary(grouping: submissions, by: \.tenant)
        let ids = Dictionary(submissions.map { ($0.id.uuidString.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        var years = Set<Int>()
        var statuses: [UUID: [String: String]] = [:]
        let completed = results.map { result -> CitizenDispatcher.PartResult in
            guard result.part == .requests else { return result }
            let own = byTenant[tenants[result.tenantIndex].id] ?? []
            let reported: [RequestEntry]
            switch result.outcome {
            case .ok(.requests(let entries)): reported = entries
            // An OCMW that does not know the citizen yet: their submissions are all there is.
            case .noDossier where !own.isEmpty: reported = []
            default: return result
            }
            let entries = merge(reported, own)
            years.formUnion(entries.map(\.year))
            for case .reported(let request, let submission?) in entries {
                if let id = ids[submission] { statuses[id, default: [:]][request.kind.code] = request.status.name }
            }
            let shown = year.map { year in entries.filter { $0.year == year } } ?? entries
            return .init(tenantIndex: result.tenantIndex, part: .requests, outcome: .ok(.requests(shown)))
        }
        return (completed, years.sorted(), statuses)
    }

    /// The certificates with the `submissionId` of the certificate request that made each: New
    /// Social's certificate id is the number its delivery got.
    func applyToCertificates(to results: [CitizenDispatcher.PartResult], tenants: [Tenant]) -> [CitizenDispatcher.PartResult] {
        var ids: [TenantID: [String: String]] = [:]
        for submission in submissions where submission.kind == .certificateRequest {
            if case .delivered(let number) = submission.state, !number.isEmpty {
                ids[submission.tenant, default: [:]][number] = submission.id.uuidString.lowercased()
            }
        }
        guard !ids.isEmpty else { return results }
        return results.map { result in
            guard result.part == .certificates, case .ok(.certificates(var entries)) = result.outcome,
                let own = ids[tenants[result.tenantIndex].id]
            else { return result }
            for index in entries.indices { entries[index].submissionID = own[entries[index].certificate.id] }
            return .init(tenantIndex: result.tenantIndex, part: .certificates, outcome: .ok(.certificates(entries)))
        }
    }

    /// New Social's requests with their submission ids, then the submissions it does not list,
    /// newest first.
    private func merge(_ reported: [RequestEntry], _ own: [SubmissionStatus]) -> [RequestEntry] {
        var entries = reported
        var unlisted: [RequestEntry] = []
        for submission in own {
            let id = submission.id.uuidString.lowercased()
            switch submission.state {
            case .delivered where submission.kind == .certificateRequest:
                continue
            case .delivered(let number) where !number.isEmpty:
                let accepted = DayDate.inBelgium(at: submission.createdAt)
                var claimed = false
                for index in entries.indices {
                    guard case .reported(let request, nil) = entries[index], request.dossierNumber == number,
                        request.submittedDate >= accepted
                    else { continue }
                    entries[index] = .reported(request, submissionID: id)
                    claimed = true
                }
                if !claimed { unlisted.append(.submitted(Self.entry(submission, status: .submitted, dossierNumber: number))) }
            // (Delivered under a key that has left the key ring: its number is not known.)
            case .accepted, .delivering, .delivered:
                unlisted.append(.submitted(Self.entry(submission, status: .submitted)))
            case .failed(let reason):
                unlisted.append(
                    .submitted(Self.entry(submission, status: .failed, reason: DeliveryFailure(stored: reason).rawValue)))
            }
        }
        return unlisted + entries
    }

    private static func entry(
        _ submission: SubmissionStatus, status: SubmittedRequest.Status, dossierNumber: String? = nil, reason: String? = nil
    ) -> SubmittedRequest {
        SubmittedRequest(
            submissionId: submission.id.uuidString.lowercased(),
            submissionKind: SubmissionRoutes.kindName(submission.kind), status: status,
            submittedAt: timestamp(submission.createdAt), submittedDate: DayDate.inBelgium(at: submission.createdAt),
            dossierNumber: dossierNumber, reason: reason)
    }

    /// ISO 8601 in UTC, whole seconds, as the portal's date parsers all read it.
    static func timestamp(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)).formatted(.iso8601)
    }
}
