import BackendAccess
import CitizenDispatch
import Foundation
import OCMWCore
import OCMWDomain
import Outbox
import Testing

@testable import ProxyServer

/// How the citizen's submissions meet New Social's requests: which request a delivered
/// submission made, what is shown from the outbox, and the year filter.
@Suite struct RequestsFollowUpTests {
    static let gent = CredentialsTests.tenant(.environment(name: "KEY"))

    /// Noon UTC of a day: the same day in Belgium.
    static func noon(_ day: String) -> Date {
        ISO8601DateFormatter().date(from: day + "T12:00:00Z")!
    }

    static func submission(
        _ state: SubmissionState, _ day: String, kind: SubmissionKind = .helpRequest
    ) -> SubmissionStatus {
        SubmissionStatus(
            id: UUID(), kind: kind, tenant: gent.id, state: state, attempts: 1, nextAttemptAt: noon(day),
            createdAt: noon(day), updatedAt: noon(day), warnings: [], lastError: nil)
    }

    static func request(_ code: String, _ day: String, number: String = "2023/155") -> RequestEntry {
        .reported(
            HelpRequest(
                dossierNumber: number, kind: CodeLabel(code: code, label: code), submittedDate: DayDate(iso8601: day)!,
                status: .submitted, decisionDate: nil, getsDecision: true),
            submissionID: nil)
    }

    static func entries(_ results: [CitizenDispatcher.PartResult]) -> [RequestEntry] {
        guard case .ok(.requests(let entries)) = results.first?.outcome else { return [] }
        return entries
    }

    /// What each entry shows: `code→submission` for New Social's, `status:submission` for the outbox's.
    static func shape(_ entries: [RequestEntry], _ names: [UUID: String]) -> [String] {
        let byText = Dictionary(uniqueKeysWithValues: names.map { ($0.key.uuidString.lowercased(), $0.value) })
        return entries.map { entry in
            switch entry {
            case .reported(let request, let id): "\(request.kind.code)→\(id.flatMap { byText[$0] } ?? "-")"
            case .submitted(let submitted): "\(submitted.status.rawValue):\(byText[submitted.submissionId] ?? "?")"
            }
        }
    }

    @Test func eachRequestGoesToTheNewestSubmissionWithItsNumberMadeOnOrBeforeIt() {
        let first = Self.submission(.delivered(dossierNumber: "2023/155"), "2026-12-01")
        let second = Self.submission(.delivered(dossierNumber: "2023/155"), "2026-12-02")
        let waiting = Self.submission(.delivering, "2026-12-03")
        let failed = Self.submission(.failed(reason: "refused"), "2026-11-30")
        let certificate = Self.submission(.delivered(dossierNumber: "ATT-2026-0001"), "2026-11-29", kind: .certificateRequest)
        let unlisted = Self.submission(.delivered(dossierNumber: "2026/0009"), "2026-11-28")
        let names = [
            first.id: "first", second.id: "second", waiting.id: "waiting", failed.id: "failed",
            certificate.id: "certificate", unlisted.id: "unlisted",
        ]
        // Newest first, as the outbox lists them.
        let followUp = RequestsFollowUp(submissions: [waiting, second, first, failed, certificate, unlisted])
        let reported: [RequestEntry] = [
            Self.request("AFH", "2023-09-12"), Self.request("LL", "2026-12-01"), Self.request("AH", "2026-12-01"),
            Self.request("BB", "2026-12-02"),
        ]
        let results = [CitizenDispatcher.PartResult(tenantIndex: 0, part: .requests, outcome: .ok(.requests(reported)))]

        let all = followUp.apply(to: results, tenants: [Self.gent], year: nil)
        #expect(
            Self.shape(Self.entries(all.results), names)
                == ["submitted:waiting", "failed:failed", "submitted:unlisted", "AFH→-", "LL→first", "AH→first", "BB→second"])
        #expect(all.years == [2023, 2026])
        #expect(all.statuses[first.id] == ["LL": "submitted", "AH": "submitted"])
        #expect(all.statuses[second.id] == ["BB": "submitted"])
        guard case .submitted(let shown) = Self.entries(all.results)[2] else {
            Issue.record("not from the outbox")
            return
        }
        #expect(shown.dossierNumber == "2026/0009")

        let of2023 = followUp.apply(to: results, tenants: [Self.gent], year: 2023)
        #expect(Self.shape(Self.entries(of2023.results), names) == ["AFH→-"])
        #expect(of2023.years == [2023, 2026])
    }

    @Test func anOCMWThatDoesNotKnowTheCitizenYetShowsTheirSubmissionsAndOthersAreLeftAlone() {
        let waiting = Self.submission(.accepted, "2026-12-03")
        let followUp = RequestsFollowUp(submissions: [waiting])
        let unknown = [CitizenDispatcher.PartResult(tenantIndex: 0, part: .requests, outcome: .noDossier)]
        #expect(
            Self.shape(Self.entries(followUp.apply(to: unknown, tenants: [Self.gent], year: nil).results), [waiting.id: "w"]) == [
                "submitted:w"
            ])
        let failedPart = [CitizenDispatcher.PartResult(tenantIndex: 0, part: .requests, outcome: .failed(.timeout, reason: "x"))]
        guard case .failed(.timeout, _) = followUp.apply(to: failedPart, tenants: [Self.gent], year: nil).results.first?.outcome else {
            Issue.record("a failed part stays failed")
            return
        }
        let none = RequestsFollowUp(submissions: [])
        guard case .noDossier = none.apply(to: unknown, tenants: [Self.gent], year: nil).results.first?.outcome else {
            Issue.record("without submissions, unknown stays unknown")
            return
        }
    }
}
