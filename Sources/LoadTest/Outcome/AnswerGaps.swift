import Foundation

/// Where a partial answer has its gaps: which OCMW, which part, which status (`timeout`,
/// `error`, `unavailable`, …), read from the answer's per-OCMW and per-part statuses.
///
/// Labels are bounded (tenant × part × status), never an INSZ: the report can count them.
public enum AnswerGaps {
    /// The gaps of a citizen read's body, as `tenant/part/status` labels; empty when none can be read.
    public static func labels(in body: [UInt8], endpoint: Endpoint) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let ocmws = object["ocmws"] as? [[String: Any]]
        else { return [] }
        var labels: [String] = []
        for entry in ocmws {
            let tenant = (entry["ocmw"] as? [String: Any])?["id"] as? String ?? "?"
            if let parts = entry["parts"] as? [String: Any] {
                for (part, value) in parts.sorted(by: { $0.key < $1.key }) {
                    guard let status = (value as? [String: Any])?["status"] as? String, !isComplete(status) else { continue }
                    labels.append("\(tenant)/\(part)/\(status)")
                }
            } else if let status = entry["status"] as? String, !isComplete(status) {
                labels.append("\(tenant)/\(endpoint.rawValue)/\(status)")
            }
        }
        return labels
    }

    /// `ok` and `notSupported` leave nothing missing (docs/api.md, "Status of a part").
    private static func isComplete(_ status: String) -> Bool { status == "ok" || status == "notSupported" }
}
