import Foundation
import OCMWCore
import Outbox

/// Test data of the outbox suites: tenants, citizens, keys, submissions at chosen times.
public enum OutboxFixtures {
    public static let gent = TenantID("gent")!
    public static let aalst = TenantID("aalst")!
    /// 2026-11-15T12:00:00Z.
    public static let base = Date(timeIntervalSince1970: 1_794_744_000)
    /// A surname that must never appear in the database file in clear.
    public static let knownName = "Vandenbrande"

    public static let keyA = try! OutboxKey(id: "key-a", bytes: [UInt8](repeating: 0x5a, count: 32))
    public static let keyB = try! OutboxKey(id: "key-b", bytes: [UInt8](repeating: 0xa5, count: 32))
    public static let ringA = try! OutboxKeyRing(current: keyA)

    /// A time `seconds` after `base`.
    public static func at(_ seconds: TimeInterval) -> Date { base.addingTimeInterval(seconds) }

    /// The `index`th valid national number of someone born on 30 July 1985.
    public static func citizen(_ index: Int) -> INSZ {
        let firstNine = 850_730_000 + 1 + index % 997
        let check = 97 - firstNine % 97
        return try! INSZ(parsing: String(firstNine) + (check < 10 ? "0" : "") + String(check), currentYear: 2026)
    }

    /// The pseudonym the server would give the `index`th citizen (32 hex characters).
    public static func pseudonym(_ index: Int) -> String { String(format: "%032x", index) }

    /// A request-for-help payload naming the applicant.
    public static func payload(_ text: String = "steun", name: String = knownName) -> SubmissionPayload {
        SubmissionPayload(
            bytes: Data(
                """
                {"applicant":{"name":"\(name)","firstName":"Marie"},"freeText":"\(text)","documents":["%PDF-1.7"]}
                """.utf8))
    }

    public static func submission(
        key: String = UUID().uuidString, client: String = "mbp-portal", tenant: TenantID = gent,
        citizen index: Int = 1, payload: SubmissionPayload = payload(), kind: SubmissionKind = .helpRequest,
        warnings: [String] = [], at seconds: TimeInterval = 0
    ) -> NewSubmission {
        NewSubmission(
            kind: kind, tenant: tenant, clientID: client, idempotencyKey: key, citizen: citizen(index),
            citizenPseudonym: pseudonym(index), payload: payload, warnings: warnings, receivedAt: at(seconds))
    }

    /// A fresh directory under the system's temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension AcceptResult {
    /// The status of an accepted or existing submission.
    public var status: SubmissionStatus? {
        switch self {
        case .accepted(let status), .existing(let status): status
        case .conflict: nil
        }
    }
}
