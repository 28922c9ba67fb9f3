/// The scenario's endpoint weights, as cumulative thresholds for drawing one endpoint.
public struct TrafficMix: Sendable, Equatable {
    /// Endpoints with a positive weight, in a fixed order, and their cumulative weight.
    let thresholds: [(endpoint: Endpoint, upTo: Double)]
    /// The sum of the weights.
    public let total: Double

    /// The mix of these weights; zero weights are left out.
    public init(_ weights: [Endpoint: Double]) {
        var sum = 0.0
        var thresholds: [(endpoint: Endpoint, upTo: Double)] = []
        for endpoint in Endpoint.allCases {
            guard let weight = weights[endpoint], weight > 0 else { continue }
            sum += weight
            thresholds.append((endpoint, sum))
        }
        self.thresholds = thresholds
        self.total = sum
    }

    /// The endpoint for a uniform draw in [0, 1).
    public func endpoint(forDraw unit: Double) -> Endpoint {
        let point = unit * total
        return thresholds.first { point < $0.upTo }?.endpoint ?? thresholds.last?.endpoint ?? .dossier
    }

    /// Each endpoint's share of the traffic (0…1).
    public var shares: [Endpoint: Double] {
        var previous = 0.0
        var shares: [Endpoint: Double] = [:]
        for (endpoint, upTo) in thresholds {
            shares[endpoint] = (upTo - previous) / total
            previous = upTo
        }
        return shares
    }

    public static func == (lhs: TrafficMix, rhs: TrafficMix) -> Bool {
        lhs.total == rhs.total && lhs.thresholds.elementsEqual(rhs.thresholds) { $0.endpoint == $1.endpoint && $0.upTo == $1.upTo }
    }
}
