import OCMWCore
import Synchronization

/// What a citizen's submissions added to the parts a backend serves.
struct SubmittedParts: Sendable, Equatable {
    var requests: [HelpRequest] = []
    var certificates: [Certificate] = []

    static let none = SubmittedParts()
    var isEmpty: Bool { requests.isEmpty && certificates.isEmpty }
}

/// One backend's submissions: idempotency keys with the answer each got, the records created,
/// numbering and counters. Thread-safe; shared by every connection of the backend.
final class SubmissionLedger: Sendable {
    private struct Entry {
        let fingerprint: UInt64
        let answer: WireResponse
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var parts: [String: SubmittedParts] = [:]
        var dossierCount = 0
        var certificateCount = 0
        var received = 0
        var created = 0
        var duplicates = 0
    }

    /// What the ledger made of one submission.
    enum Outcome: Equatable {
        /// Created now; the answer (201) is remembered under the key.
        case created(WireResponse)
        /// The key was seen with the same body: the original answer, to be sent as 200.
        case duplicate(WireResponse)
        /// The key was seen with another body.
        case conflict
        /// Refused; nothing created, nothing remembered.
        case refused(SubmissionRefusal)
    }

    private let state = Mutex(State())

    /// Counts a submission `POST` that reached the backend, whatever then happens to it.
    func noteReceived() { state.withLock { $0.received += 1 } }

    /// Deduplicates on `key`, then creates what `content` asks for (unless refused).
    /// - Parameters:
    ///   - fingerprint: Hash of route, citizen and canonical body.
    ///   - content: The validated body, or why it is refused (reported only for a new key).
    ///   - create: Builds the records and the 201 answer from the next dossier/request number.
    func submit(
        key: String, fingerprint: UInt64, content: Result<SubmissionContent, SubmissionRefusal>, insz: String,
        create: (SubmissionContent, Int) -> (SubmittedParts, WireResponse)
    ) -> Outcome {
        state.withLock { state in
            if let entry = state.entries[key] {
                guard entry.fingerprint == fingerprint else { return .conflict }
                state.duplicates += 1
                return .duplicate(entry.answer)
            }
            let valid: SubmissionContent
            switch content {
            case .failure(let refusal): return .refused(refusal)
            case .success(let content): valid = content
            }
            let number: Int
            switch valid {
            case .helpRequest:
                state.dossierCount += 1
                number = state.dossierCount
            case .certificateRequest:
                state.certificateCount += 1
                number = state.certificateCount
            }
            let (added, answer) = create(valid, number)
            state.parts[insz, default: .none].requests += added.requests
            state.parts[insz, default: .none].certificates += added.certificates
            state.entries[key] = Entry(fingerprint: fingerprint, answer: answer)
            state.created += 1
            return .created(answer)
        }
    }

    /// What submissions added for this citizen.
    func parts(for insz: String) -> SubmittedParts { state.withLock { $0.parts[insz] ?? .none } }

    /// Submission `POST`s received, duplicates and failed ones included.
    var received: Int { state.withLock { $0.received } }
    /// Distinct submissions created.
    var created: Int { state.withLock { $0.created } }
    /// Submissions answered from the idempotency record instead of being created again.
    var duplicates: Int { state.withLock { $0.duplicates } }
}
