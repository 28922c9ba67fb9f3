/// How a simulated backend misbehaves. Faults apply per tenant and can change at any time.
///
/// Order of effects for each request: wait `latencyMs`; then `hang` or `reset` if that is the
/// mode; otherwise fail with a 500 with probability `errorRate`; otherwise answer, as garbage,
/// trickled or about another citizen if that is the mode.
public struct Fault: Codable, Sendable, Equatable, CustomStringConvertible {
    /// What happens to a request after the latency.
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// Answer normally.
        case none
        /// Read the request, never answer, never close.
        case hang
        /// Close the connection abruptly (SO_LINGER 0, so the peer gets a TCP RST).
        case reset
        /// Answer 200 with a body that is not JSON.
        case garbage
        /// Answer correctly, but send the body a few bytes at a time (`trickleBytesPerSecond`).
        case trickle
        /// Answer a citizen's read with the records of another citizen this backend knows (their
        /// national number in the body): the proxy must refuse the answer, never pass it on.
        case otherCitizen
        /// Refuse every submission with a 422 whose error text names the citizen (national
        /// number and name), as an installation may word a refusal; reads are answered normally.
        /// The proxy must keep none of that text: not in a log line, a row or an answer.
        case refuseNamingTheCitizen
    }

    /// Added delay before anything else happens, in milliseconds.
    public var latencyMs: Int
    /// Probability (0…1) that a request gets a 500 with a JSON error body.
    public var errorRate: Double
    /// What happens after the latency.
    public var mode: Mode
    /// Body speed in `trickle` mode, in bytes per second (at least 1).
    public var trickleBytesPerSecond: Int
    /// When above a certificate PDF's own size, its documents are this many bytes: the same PDF
    /// with filler comments, generated and sent in chunks as the connection takes them (never
    /// held whole), for large-download tests. 0: natural size.
    public var documentBytes: Int

    /// A healthy backend.
    public static let none = Fault()

    /// Creates a fault; values are clamped to sensible ranges.
    public init(
        latencyMs: Int = 0, errorRate: Double = 0, mode: Mode = .none, trickleBytesPerSecond: Int = 64,
        documentBytes: Int = 0
    ) {
        self.latencyMs = max(0, latencyMs)
        self.errorRate = errorRate.isNaN ? 0 : min(1, max(0, errorRate))
        self.mode = mode
        self.trickleBytesPerSecond = max(1, trickleBytesPerSecond)
        self.documentBytes = max(0, documentBytes)
    }

    private enum CodingKeys: String, CodingKey { case latencyMs, errorRate, mode, trickleBytesPerSecond, documentBytes }

    /// Decodes a fault; every field is optional and defaults to that of `Fault.none`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            latencyMs: try container.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0,
            errorRate: try container.decodeIfPresent(Double.self, forKey: .errorRate) ?? 0,
            mode: try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .none,
            trickleBytesPerSecond: try container.decodeIfPresent(Int.self, forKey: .trickleBytesPerSecond) ?? 64,
            documentBytes: try container.decodeIfPresent(Int.self, forKey: .documentBytes) ?? 0)
    }

    /// Parses the command-line form: comma-separated items among `none`, `hang`, `reset`,
    /// `garbage`, `otherCitizen`,
    /// `refuseNamingTheCitizen`, `trickle[:BYTES_PER_SECOND]`, `latency:MS`, `errors:RATE`, `document:BYTES`.
    /// Example: `latency:200,errors:0.1` or `trickle:32`.
    /// - Returns: `nil` when an item is not understood.
    public init?(spec: String) {
        guard !spec.isEmpty else { return nil }
        self.init()
        for item in spec.split(separator: ",") {
            let pair = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let argument = pair.count == 2 ? String(pair[1]) : nil
            switch (pair[0], argument) {
            case ("latency", let value?):
                guard let ms = Int(value), ms >= 0 else { return nil }
                latencyMs = ms
            case ("errors", let value?), ("errorRate", let value?):
                guard let rate = Double(value), (0...1).contains(rate) else { return nil }
                errorRate = rate
            case ("document", let value?):
                guard let bytes = Int(value), bytes >= 0 else { return nil }
                documentBytes = bytes
            case ("trickle", let value):
                mode = .trickle
                if let value {
                    guard let speed = Int(value), speed >= 1 else { return nil }
                    trickleBytesPerSecond = speed
                }
            case (let name, nil):
                guard let parsed = Mode(rawValue: String(name)) else { return nil }
                mode = parsed
            default:
                return nil
            }
        }
    }

    /// The command-line form, e.g. `trickle:32,latency:200`.
    public var description: String {
        var items: [String] = []
        if mode == .trickle { items.append("trickle:\(trickleBytesPerSecond)") } else if mode != .none { items.append(mode.rawValue) }
        if latencyMs > 0 { items.append("latency:\(latencyMs)") }
        if errorRate > 0 { items.append("errors:\(errorRate)") }
        if documentBytes > 0 { items.append("document:\(documentBytes)") }
        return items.isEmpty ? "none" : items.joined(separator: ",")
    }
}
