import CurlClient
import Foundation

/// How a request ended, in the classes the report counts.
public enum Outcome: String, Codable, Sendable, CaseIterable, Comparable {
    /// 2xx, and for a citizen read `complete: true`.
    case ok
    /// A 200 citizen read whose `complete` is false: some OCMW or part did not answer.
    case partial
    /// 4xx.
    case clientError = "4xx"
    /// 5xx.
    case serverError = "5xx"
    /// No complete answer within the scenario's `timeoutMs`.
    case timeout
    /// No connection to the proxy.
    case connect
    /// The connection broke, or the answer was not what a 2xx of that endpoint must be.
    case transport

    /// Whether the outcome counts as an error (everything but `ok`).
    public var isError: Bool { self != .ok }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// The class of a received answer.
    public static func classify(status: Int, body: [UInt8], endpoint: Endpoint) -> Outcome {
        switch status {
        case 200..<300:
            guard endpoint.answersWithCompleteness else { return .ok }
            switch completeness(of: body) {
            case true?: return .ok
            case false?: return .partial
            case nil: return .transport
            }
        case 400..<500: return .clientError
        case 500..<600: return .serverError
        default: return .transport
        }
    }

    /// The class of a transfer that failed without an answer.
    public static func classify(_ error: CurlClientError) -> Outcome {
        switch error.kind {
        case .timedOut: .timeout
        case .connectFailed: .connect
        default: .transport
        }
    }

    /// The top-level `complete` of a citizen read; `nil` when the body is not such an answer.
    ///
    /// The proxy writes sorted keys, so `complete` comes first and a prefix check settles nearly
    /// every answer without parsing a large dossier; anything else is parsed properly.
    static func completeness(of body: [UInt8]) -> Bool? {
        if body.starts(with: completeTrue) { return true }
        if body.starts(with: completeFalse) { return false }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        return object["complete"] as? Bool
    }

    private static let completeTrue = Array(#"{"complete":true"#.utf8)
    private static let completeFalse = Array(#"{"complete":false"#.utf8)
}
