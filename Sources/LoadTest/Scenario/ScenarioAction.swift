import NewSocialSimulator
import OCMWCore

/// Something the harness does to the system under test at a moment of the run.
public struct ScenarioAction: Codable, Sendable, Equatable {
    /// What is done.
    public enum Kind: Sendable, Equatable {
        /// Make a simulated OCMW misbehave, through the simulator's admin port.
        case fault(TenantID, Fault)
        /// Make a simulated OCMW healthy again.
        case heal(TenantID)
        /// `POST /admin/tenants/reload` on the proxy's admin port.
        case reload
        /// Set the tenant's `state` to `active` in the tenants file, then reload (onboarding).
        case activate(TenantID)
    }

    /// Seconds from the start of the run (the start of the warm-up).
    public var atSeconds: Double
    /// What is done.
    public var kind: Kind
    /// When set, the action is repeated this often (seconds) until `untilSeconds` or the end.
    public var everySeconds: Double?
    /// The last moment a repeated action may start.
    public var untilSeconds: Double?

    /// An action at a moment of the run.
    public init(atSeconds: Double, kind: Kind, everySeconds: Double? = nil, untilSeconds: Double? = nil) {
        self.atSeconds = atSeconds
        self.kind = kind
        self.everySeconds = everySeconds
        self.untilSeconds = untilSeconds
    }

    /// A short text for the progress output, the report and the charts, e.g. `fault bonheiden hang`.
    public var label: String {
        switch kind {
        case .fault(let tenant, let fault): "fault \(tenant) \(fault)"
        case .heal(let tenant): "heal \(tenant)"
        case .reload: "reload"
        case .activate(let tenant): "activate \(tenant)"
        }
    }

    /// The moments (seconds from the start) at which the action runs, within a run of `runSeconds`.
    public func moments(runSeconds: Double) -> [Double] {
        guard let every = everySeconds, every > 0 else { return atSeconds <= runSeconds ? [atSeconds] : [] }
        let last = min(untilSeconds ?? runSeconds, runSeconds)
        return Array(stride(from: atSeconds, through: last, by: every))
    }

    private enum CodingKeys: String, CodingKey { case at, action, tenant, fault, every, until }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        atSeconds = try container.decode(Double.self, forKey: .at)
        everySeconds = try container.decodeIfPresent(Double.self, forKey: .every)
        untilSeconds = try container.decodeIfPresent(Double.self, forKey: .until)
        let name = try container.decode(String.self, forKey: .action)
        func tenant() throws -> TenantID {
            let raw = try container.decode(String.self, forKey: .tenant)
            guard let id = TenantID(raw) else {
                throw DecodingError.dataCorruptedError(forKey: .tenant, in: container, debugDescription: "not a tenant id: \(raw)")
            }
            return id
        }
        switch name {
        case "fault": kind = .fault(try tenant(), try container.decode(Fault.self, forKey: .fault))
        case "heal": kind = .heal(try tenant())
        case "reload": kind = .reload
        case "activate": kind = .activate(try tenant())
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .action, in: container,
                debugDescription: "unknown action \(name) (fault, heal, reload, activate)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(atSeconds, forKey: .at)
        try container.encodeIfPresent(everySeconds, forKey: .every)
        try container.encodeIfPresent(untilSeconds, forKey: .until)
        switch kind {
        case .fault(let tenant, let fault):
            try container.encode("fault", forKey: .action)
            try container.encode(tenant, forKey: .tenant)
            try container.encode(fault, forKey: .fault)
        case .heal(let tenant):
            try container.encode("heal", forKey: .action)
            try container.encode(tenant, forKey: .tenant)
        case .reload:
            try container.encode("reload", forKey: .action)
        case .activate(let tenant):
            try container.encode("activate", forKey: .action)
            try container.encode(tenant, forKey: .tenant)
        }
    }
}
